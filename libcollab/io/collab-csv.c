/* collab-csv.c: the record tables officers keep in spreadsheets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A pairing table, a roster of dispatched professionals or a ledger of
 * transactions, one record a row, read into a [class@Collab.Dataset] and
 * written back out (SPEC §8).
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(CollabDataset) dataset = collab_dataset_new_from_file ("wuxi-2021.json", &error);
 *
 * if (dataset != NULL &&
 *     !collab_dataset_import_csv (dataset, COLLAB_RECORD_KIND_DISPATCH, "roster.csv", &error))
 *   g_printerr ("%s\n", error->message);
 *   // roster.csv:7:5: 计划结束日期 (planned_end): ends on 2021-01-01, before it starts on 2021-03-01
 * ```
 *
 * An import goes in three steps. The bytes become UTF-8 (a BOM, valid
 * UTF-8, else GB18030, which is what spreadsheets in Chinese offices
 * write). The text becomes rows (RFC 4180). Each row becomes the JSON of
 * one record, typed by the kind's field table, and all of them one
 * dataset document that the JSON reader checks and appends exactly as it
 * would a document on disk: one path checks every record, however it
 * arrives, and a failed import leaves the dataset as it was. The reader
 * names the place of an error as a JSON path (`$.dispatches[4].start`),
 * which is mapped back here to the line and column of the file.
 *
 * Only the aliases below know the words of the spreadsheets; the rest
 * walks the field tables, so a new field needs no code here.
 */

#include <string.h>

#include <libcollab/collab-csv.h>
#include <libcollab/collab-enum-types.h>
#include <libcollab/collab-error.h>
#include <libcollab/collab-money.h>

#include "collab-csv-private.h"
#include "collab-json-private.h"
#include "model/collab-dataset-private.h"

/* The words of the spreadsheets ------------------------------------------- */

/* Chinese column headers, tried in order: the first whose member the kind
 * has wins, so that 类别 is a person's profession and a project's category,
 * and 类型 a dispatch's kind and a transaction's type. English headers are
 * the members themselves (any case, spaces or dashes for underscores). */
static const struct
{
  const char *header;
  const char *member;
} header_aliases[] = {
  { "编号", "id" },
  { "姓名", "name" },
  { "名称", "name" },
  { "项目名称", "name" },
  { "人员编号", "person" },
  { "人员", "person" },
  { "职业", "profession" },
  { "专业", "profession" },
  { "类别", "profession" },
  { "类别", "category" },
  { "子类别", "subcategory" },
  { "派出类型", "kind" },
  { "类型", "kind" },
  { "类型", "type" },
  { "方向", "direction" },
  { "派出地", "from" },
  { "派出单位", "from" },
  { "付款方", "from" },
  { "转出", "from" },
  { "派往地", "to" },
  { "受援地", "to" },
  { "派驻地", "to" },
  { "收款账户", "to" },
  { "转入", "to" },
  { "岗位", "post" },
  { "开始日期", "start" },
  { "起始日期", "start" },
  { "派出日期", "start" },
  { "计划结束日期", "planned_end" },
  { "计划期满", "planned_end" },
  { "实际结束日期", "actual_end" },
  { "实际期满", "actual_end" },
  { "金额", "amount" },
  { "日期", "date" },
  { "预算年度", "budget_year" },
  { "规划", "program" },
  { "计划", "program" },
  { "上级", "parent" },
  { "来源交易", "parent" },
  { "文件", "document" },
  { "文号", "document" },
  { "用途", "use" },
  { "收款方", "payee" },
  { "县", "county" },
  { "所在县", "county" },
  { "预算", "budget" },
  { "入库", "in_reserve" },
  { "储备库", "in_reserve" },
  { "年份", "year" },
  { "年度", "year" },
  { "单位", "organization" },
  { "所在单位", "organization" },
  { "工作单位", "organization" },
  { "帮扶方", "assisting" },
  { "协作方", "assisting" },
  { "被帮扶方", "assisted" },
  { "协作地区", "assisted" },
  { "层级", "level" },
  { "级别", "level" },
  { "状态", "status" },
  { "状态日期", "status_date" },
  { "区划代码", "code" },
  { "地区", "region" },
  { "持有方", "holder" },
  { "备注", "note" },
  { "人次", "person_times" },
  { "主题", "topic" },
};

/* Chinese words for the values of the closed vocabularies. The English
 * nicks are always accepted too. */
static const struct
{
  GType      (*type) (void);
  const char  *word;
  const char  *nick;
} value_aliases[] = {
  { collab_profession_get_type, "教师", "teacher" },
  { collab_profession_get_type, "老师", "teacher" },
  { collab_profession_get_type, "支教", "teacher" },
  { collab_profession_get_type, "医生", "doctor" },
  { collab_profession_get_type, "医务人员", "doctor" },
  { collab_profession_get_type, "卫生", "doctor" },
  { collab_profession_get_type, "医师", "doctor" },
  { collab_profession_get_type, "护士", "doctor" },
  { collab_profession_get_type, "支医", "doctor" },
  { collab_profession_get_type, "农业", "agriculture" },
  { collab_profession_get_type, "农技", "agriculture" },
  { collab_profession_get_type, "支农", "agriculture" },
  { collab_profession_get_type, "其他", "other" },
  { collab_profession_get_type, "其它", "other" },
  { collab_dispatch_kind_get_type, "专业技术人才", "professional" },
  { collab_dispatch_kind_get_type, "专技", "professional" },
  { collab_dispatch_kind_get_type, "干部", "cadre" },
  { collab_dispatch_kind_get_type, "挂职干部", "cadre" },
  { collab_dispatch_kind_get_type, "短期", "short_term" },
  { collab_direction_get_type, "选派", "outbound" },
  { collab_direction_get_type, "派出", "outbound" },
  { collab_direction_get_type, "接收", "inbound" },
  { collab_post_get_type, "工作组", "working_group" },
  { collab_post_get_type, "联络员", "liaison" },
  { collab_transaction_type_get_type, "计划", "plan" },
  { collab_transaction_type_get_type, "下达", "allocation" },
  { collab_transaction_type_get_type, "拨付", "transfer" },
  { collab_transaction_type_get_type, "支出", "expenditure" },
  { collab_project_category_get_type, "产业", "industry" },
  { collab_project_category_get_type, "劳务", "labour" },
  { collab_project_category_get_type, "消费", "consumption" },
  { collab_project_category_get_type, "人才", "talent" },
  { collab_project_category_get_type, "乡村振兴", "rural_revitalization" },
  { collab_project_status_get_type, "储备", "reserve" },
  { collab_project_status_get_type, "计划", "planned" },
  { collab_project_status_get_type, "备案", "filed" },
  { collab_project_status_get_type, "实施", "implementing" },
  { collab_project_status_get_type, "实施中", "implementing" },
  { collab_project_status_get_type, "完工", "completed" },
  { collab_project_status_get_type, "已完成", "completed" },
  { collab_project_status_get_type, "已评价", "evaluated" },
  { collab_project_status_get_type, "取消", "cancelled" },
  { collab_region_level_get_type, "省", "province" },
  { collab_region_level_get_type, "市", "city" },
  { collab_region_level_get_type, "县", "county" },
  { collab_region_level_get_type, "区", "county" },
  { collab_region_level_get_type, "乡镇", "township" },
  { collab_region_level_get_type, "村", "village" },
  { collab_side_get_type, "东部", "east" },
  { collab_side_get_type, "西部", "west" },
  { collab_region_flags_get_type, "脱贫县", "poverty_lifted" },
  { collab_region_flags_get_type, "国家乡村振兴重点帮扶县", "national_key" },
  { collab_region_flags_get_type, "重点帮扶县", "national_key" },
  { collab_region_flags_get_type, "革命老区", "revolutionary_base" },
  { collab_region_flags_get_type, "功能区", "functional_zone" },
  { collab_pairing_level_get_type, "市", "city" },
  { collab_pairing_level_get_type, "县", "county" },
  { collab_pairing_level_get_type, "乡镇", "township" },
  { collab_pairing_level_get_type, "村", "village" },
  { collab_pairing_level_get_type, "学校", "school" },
  { collab_pairing_level_get_type, "医院", "hospital" },
  { collab_pairing_level_get_type, "园区", "park" },
  { collab_organization_kind_get_type, "机关", "agency" },
  { collab_organization_kind_get_type, "企业", "enterprise" },
  { collab_organization_kind_get_type, "社会组织", "social_org" },
  { collab_organization_kind_get_type, "学校", "school" },
  { collab_organization_kind_get_type, "医院", "hospital" },
  { collab_organization_kind_get_type, "园区", "park" },
  { collab_organization_kind_get_type, "科研院所", "research" },
  { collab_organization_kind_get_type, "其他", "other" },
  { collab_program_kind_get_type, "东西部协作", "east_west" },
  { collab_program_kind_get_type, "对口合作", "counterpart" },
  { collab_program_kind_get_type, "携手奔小康", "hand_in_hand" },
};

static const char * const true_words[] = { "true", "1", "yes", "y", "是" };
static const char * const false_words[] = { "false", "0", "no", "n", "否" };

/* A header such as 金额（万元） says the unit of the bare numbers below it. */
static const struct
{
  const char *suffix;
  const char *unit;
} header_units[] = {
  { "（万元）", "万" }, { "(万元)", "万" },
  { "（亿元）", "亿" }, { "(亿元)", "亿" },
  { "（元）", "元" }, { "(元)", "元" },
};

/* Cells -------------------------------------------------------------------- */

/* Spreadsheets pad cells with ASCII spaces, no-break spaces and the
 * ideographic space of Chinese input methods; none of them is data. */
static gsize
space_before (const char *start,
              const char *end)
{
  if (end - start >= 1 && g_ascii_isspace (end[-1]))
    return 1;
  if (end - start >= 2 && memcmp (end - 2, "\xc2\xa0", 2) == 0)
    return 2;
  if (end - start >= 3 && memcmp (end - 3, "\xe3\x80\x80", 3) == 0)
    return 3;
  return 0;
}

static gsize
space_after (const char *start,
             const char *end)
{
  if (end - start >= 1 && g_ascii_isspace (start[0]))
    return 1;
  if (end - start >= 2 && memcmp (start, "\xc2\xa0", 2) == 0)
    return 2;
  if (end - start >= 3 && memcmp (start, "\xe3\x80\x80", 3) == 0)
    return 3;
  return 0;
}

static char *
trim_cell (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);
  gsize n;

  while ((n = space_after (start, end)) > 0)
    start += n;
  while ((n = space_before (start, end)) > 0)
    end -= n;

  return g_strndup (start, end - start);
}

/* The member an English header or value names: `Planned End` is
 * `planned_end`. Other text is left as it is. */
static char *
english_key (const char *text)
{
  char *key = g_ascii_strdown (text, -1);

  for (char *p = key; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  return key;
}

/* A list cell: `poverty_lifted;national_key`, or with the separators a
 * Chinese keyboard types. */
static GPtrArray *
split_list (const char *text)
{
  static const char * const separators[] = { ";", ",", "；", "，", "、" };
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p = text;

  for (;;)
    {
      gsize sep = 0;

      if (*p != '\0')
        for (guint i = 0; i < G_N_ELEMENTS (separators) && sep == 0; i++)
          if (g_str_has_prefix (p, separators[i]))
            sep = strlen (separators[i]);

      if (*p == '\0' || sep > 0)
        {
          g_autofree char *raw = g_strndup (start, p - start);
          char *item = trim_cell (raw);

          if (*item != '\0')
            g_ptr_array_add (items, item);
          else
            g_free (item);
          if (*p == '\0')
            break;
          p += sep;
          start = p;
        }
      else
        p = g_utf8_next_char (p);
    }

  return items;
}

/* `2021-03-01`, `2021/3/1`, `2021.3.1`, `2021年3月1日`, each maybe with a
 * midnight time of day as spreadsheets add; NULL for anything else. The
 * calendar is checked by the reader. */
static char *
normalize_date (const char *text)
{
  const char *p = text;
  guint year = 0, month = 0, day = 0;
  gboolean chinese;
  char separator;
  int digits;

  for (digits = 0; digits < 4 && g_ascii_isdigit (*p); digits++, p++)
    year = year * 10 + g_ascii_digit_value (*p);
  if (digits != 4)
    return NULL;

  chinese = g_str_has_prefix (p, "年");
  separator = *p;
  if (chinese)
    p += strlen ("年");
  else if (separator == '-' || separator == '/' || separator == '.')
    p++;
  else
    return NULL;

  for (digits = 0; digits < 2 && g_ascii_isdigit (*p); digits++, p++)
    month = month * 10 + g_ascii_digit_value (*p);
  if (digits == 0)
    return NULL;

  if (chinese && g_str_has_prefix (p, "月"))
    p += strlen ("月");
  else if (!chinese && *p == separator)
    p++;
  else
    return NULL;

  for (digits = 0; digits < 2 && g_ascii_isdigit (*p); digits++, p++)
    day = day * 10 + g_ascii_digit_value (*p);
  if (digits == 0)
    return NULL;

  if (chinese && (g_str_has_prefix (p, "日") || g_str_has_prefix (p, "号")))
    p += strlen ("日");

  if (*p == ' ')
    {
      static const char * const midnight[] = { " 0:00", " 00:00", " 0:00:00", " 00:00:00" };
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (midnight) && !found; i++)
        if (strcmp (p, midnight[i]) == 0)
          found = TRUE;
      if (!found)
        return NULL;
      p += strlen (p);
    }

  if (*p != '\0')
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static gboolean
word_in (const char         *text,
         const char * const *words,
         gsize               n_words)
{
  g_autofree char *key = g_ascii_strdown (text, -1);

  for (gsize i = 0; i < n_words; i++)
    if (strcmp (key, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Quoting ------------------------------------------------------------------ */

void
collab_csv_append_cell (GString    *out,
                        const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Rows --------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *rows;
  GString   *text;      /* the cells of the row being read, each ended by a NUL */
  GArray    *starts;    /* where each of them starts in @text */
  guint      line;      /* the line being read */
  guint      row_line;  /* the line the row being read started on */
  gboolean   in_row;
} Tokens;

static void
end_cell (Tokens *tokens)
{
  gsize start;

  g_string_append_c (tokens->text, '\0');
  start = tokens->text->len;
  g_array_append_val (tokens->starts, start);
}

static void
end_row (Tokens *tokens)
{
  guint n_cells = tokens->starts->len + 1;  /* the cells ended, and this one */
  gsize header_size = sizeof (CollabCsvRow) + (n_cells + 1) * sizeof (char *);
  CollabCsvRow *row;
  char *text;

  /* A million rows of ten cells are a million allocations, not eleven. */
  end_cell (tokens);
  row = g_malloc (header_size + tokens->text->len);
  row->line = tokens->row_line;
  row->n_cells = n_cells;
  row->cells = (char **) (row + 1);
  text = (char *) row + header_size;
  memcpy (text, tokens->text->str, tokens->text->len);
  row->cells[0] = text;
  for (guint i = 1; i < n_cells; i++)
    row->cells[i] = text + g_array_index (tokens->starts, gsize, i - 1);
  row->cells[n_cells] = NULL;

  g_string_truncate (tokens->text, 0);
  g_array_set_size (tokens->starts, 0);
  tokens->in_row = FALSE;

  /* An empty line is no row at all (a trailing one least of all). */
  if (row->n_cells == 1 && row->cells[0][0] == '\0')
    g_free (row);
  else
    g_ptr_array_add (tokens->rows, row);
}

/* Splits @text into rows. With @partial, @text is the start of a file cut
 * anywhere: the row cut short is left out, and @end_line and @end_column
 * say where the cut is. */
static GPtrArray *
tokenize (const char  *text,
          gsize        length,
          const char  *name,
          gboolean     partial,
          guint       *end_line,
          guint       *end_column,
          GError     **error)
{
  enum { CELL_START, UNQUOTED, QUOTED, AFTER_QUOTE } state = CELL_START;
  Tokens tokens = { 0 };
  const char *p = text;
  const char *end = text + length;
  guint quote_line = 0, quote_column = 0;
  GPtrArray *rows = NULL;

  tokens.rows = g_ptr_array_new_with_free_func (g_free);
  tokens.text = g_string_new (NULL);
  tokens.starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  tokens.line = 1;

  while (p < end)
    {
      char c = *p;

      if (!tokens.in_row)
        {
          tokens.in_row = TRUE;
          tokens.row_line = tokens.line;
        }

      if (state == QUOTED)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (tokens.text, '"');
              p++;
            }
          else if (c == '"')
            state = AFTER_QUOTE;
          else
            {
              if (c == '\n' || (c == '\r' && !(p + 1 < end && p[1] == '\n')))
                tokens.line++;
              g_string_append_c (tokens.text, c);
            }
          p++;
        }
      else if (c == ',')
        {
          end_cell (&tokens);
          state = CELL_START;
          p++;
        }
      else if (c == '\n' || c == '\r')
        {
          /* CRLF, LF, or the lone CR of old Mac spreadsheets. */
          end_row (&tokens);
          state = CELL_START;
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          tokens.line++;
        }
      else if (state == AFTER_QUOTE)
        {
          g_autofree char *found = g_strndup (p, g_utf8_next_char (p) - p);

          g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                       "%s:%u:%u: the quoted cell is followed by \"%s\": a closing quote must end "
                       "the cell (write \"\" for a quote inside a quoted cell)",
                       name, tokens.line, tokens.starts->len + 1, found);
          goto out;
        }
      else if (c == '"' && state == CELL_START)
        {
          state = QUOTED;
          quote_line = tokens.line;
          quote_column = tokens.starts->len + 1;
          p++;
        }
      else
        {
          /* A quote inside an unquoted cell (12" screen) is taken as it is. */
          g_string_append_c (tokens.text, c);
          state = UNQUOTED;
          p++;
        }
    }

  if (partial)
    {
      *end_line = tokens.line;
      *end_column = tokens.in_row ? tokens.starts->len + 1 : 1;
    }
  else if (state == QUOTED)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   "%s:%u:%u: the quoted cell that starts here has no closing quote",
                   name, quote_line, quote_column);
      goto out;
    }
  else if (tokens.in_row)
    end_row (&tokens);

  rows = g_steal_pointer (&tokens.rows);

out:
  g_clear_pointer (&tokens.rows, g_ptr_array_unref);
  g_string_free (tokens.text, TRUE);
  g_array_unref (tokens.starts);
  return rows;
}

GPtrArray *
collab_csv_parse (const char  *text,
                  gsize        length,
                  const char  *name,
                  GError     **error)
{
  return tokenize (text, length, name, FALSE, NULL, NULL, error);
}

static gboolean
row_is_blank (const CollabCsvRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autofree char *cell = trim_cell (row->cells[i]);

      if (*cell != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Encodings ---------------------------------------------------------------- */

#define UTF8_BOM "\xef\xbb\xbf"

/* What a UTF-8 reading makes of @data: how many characters of two bytes
 * or more it finds, how many bytes it cannot place, and the first of them. */
static void
utf8_census (const char *data,
             gsize       length,
             gsize      *n_multibyte,
             gsize      *n_invalid,
             gsize      *first_invalid)
{
  const char *p = data;
  const char *end = data + length;

  *n_multibyte = 0;
  *n_invalid = 0;
  *first_invalid = length;
  while (p < end)
    {
      const char *stop = end;
      gboolean valid = g_utf8_validate_len (p, end - p, &stop);

      for (const char *q = p; q < stop; q++)
        if (((guchar) *q & 0xc0) == 0xc0)
          (*n_multibyte)++;
      if (valid)
        break;
      if (*n_invalid == 0)
        *first_invalid = stop - data;
      (*n_invalid)++;
      p = stop + 1;
    }
}

/* Fails naming the line and column of the byte at @offset, which UTF-8
 * (when @gb18030 is FALSE) or GB18030 could not read. */
static char *
undecodable (const char  *data,
             gsize        offset,
             gsize        file_offset,
             gboolean     gb18030,
             const char  *name,
             GError     **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = NULL;
  guint line = 1, column = 1;
  gsize prefix_length = offset;

  /* Everything before the bad byte was read: split it into rows to find
   * the cell the byte is in. */
  if (gb18030)
    prefix = g_convert (data, offset, "UTF-8", "GB18030", NULL, &prefix_length, NULL);
  else
    prefix = g_strndup (data, offset);
  if (prefix != NULL)
    rows = tokenize (prefix, prefix_length, name, TRUE, &line, &column, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const CollabCsvRow *header = g_ptr_array_index (rows, i);

      if (row_is_blank (header))
        continue;
      if (column <= header->n_cells && header->line < line)
        {
          g_autofree char *text = trim_cell (header->cells[column - 1]);

          if (*text != '\0')
            label = g_strdup_printf ("%s: ", text);
        }
      break;
    }

  g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
               "%s:%u:%u: %sthe byte 0x%02X (at offset %" G_GSIZE_FORMAT ") is %s; "
               "save the file as UTF-8 or GB18030 CSV",
               name, line, column, label != NULL ? label : "", (guchar) data[offset], file_offset,
               gb18030 ? "neither UTF-8 nor GB18030" : "not UTF-8, and the rest of the file is");
  return NULL;
}

char *
collab_csv_decode (const char  *data,
                   gsize        length,
                   const char  *name,
                   gsize       *text_length,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize n_multibyte, n_invalid, first_invalid;
  gsize skipped = 0;
  gsize limit, bytes_read = 0;
  const char *nul;
  char *text;

  if (length >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xff || (guchar) data[1] == 0xfe) && data[0] != data[1])
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   "%s:1:1: the file is UTF-16; save it as \"CSV UTF-8\" (or GB18030 CSV)", name);
      return NULL;
    }

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    skipped = 3;
  data += skipped;
  length -= skipped;

  utf8_census (data, length, &n_multibyte, &n_invalid, &first_invalid);
  if (n_invalid == 0)
    {
      *text_length = length;
      return g_strndup (data, length);
    }

  /* GB18030 reads almost any bytes, so a UTF-8 file with one damaged
   * byte would come out as plausible garbage. A file that is mostly good
   * UTF-8 with Chinese in it, or that says it is UTF-8, is UTF-8 with an
   * error; in a GB18030 file, most Chinese characters are bad UTF-8. */
  if (skipped > 0 || n_multibyte >= 4 * n_invalid)
    return undecodable (data, first_invalid, first_invalid + skipped, FALSE, name, error);

  nul = memchr (data, '\0', length);
  limit = nul != NULL ? (gsize) (nul - data) : length;
  text = g_convert (data, limit, "UTF-8", "GB18030", &bytes_read, text_length, &local_error);
  if (text != NULL && nul == NULL)
    return text;
  g_free (text);

  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   "%s: the file is not UTF-8, and this system cannot read GB18030: %s",
                   name, local_error->message);
      return NULL;
    }

  if (local_error == NULL)
    bytes_read = limit;
  return undecodable (data, bytes_read, bytes_read, TRUE, name, error);
}

/* Columns ------------------------------------------------------------------ */

typedef enum
{
  TARGET_NONE,         /* a column without a header: its cells must be empty */
  TARGET_FIELD,        /* a scalar, flags or reference-list field */
  TARGET_SUBFIELD,     /* a field of an inline sub-record: `period.first_year` */
  TARGET_LATEST,       /* the latest step of a history: `status` */
  TARGET_LATEST_DATE,  /* its date: `status_date` */
  TARGET_EXTRA,        /* a member this library does not know, kept as a string */
} TargetType;

typedef struct
{
  TargetType         type;
  gboolean           companion;  /* a field of the record the row's companion reference names */
  const CollabField *field;      /* FIELD; SUBFIELD: the object; LATEST*: the array */
  const CollabField *sub;        /* SUBFIELD, LATEST, LATEST_DATE: the field inside */
  char              *member;     /* what the dataset document calls it */
  char              *header;     /* what the file calls it */
  const char        *unit;       /* amounts: the unit the header gives bare numbers */
} Column;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->member);
  g_free (column->header);
}

static gboolean
is_scalar (CollabFieldType type)
{
  return type != COLLAB_FIELD_OBJECT && type != COLLAB_FIELD_ARRAY;
}

/* A history such as a project's status: an array of steps, each an enum
 * named like the array and a `date`. A CSV row has room for the latest
 * step only, as `status` and `status_date`. */
static gboolean
latest_fields (const CollabField  *field,
               const CollabField **value,
               const CollabField **date)
{
  int v, d;

  if (field->type != COLLAB_FIELD_ARRAY)
    return FALSE;
  v = collab_schema_find_field (field->sub, field->name);
  d = collab_schema_find_field (field->sub, "date");
  if (v < 0 || d < 0 || field->sub->fields[v].type != COLLAB_FIELD_ENUM ||
      field->sub->fields[d].type != COLLAB_FIELD_DATE)
    return FALSE;

  *value = &field->sub->fields[v];
  *date = &field->sub->fields[d];
  return TRUE;
}

typedef enum { FIND_NONE, FIND_OK, FIND_NO_CSV_FORM } FindResult;

static FindResult
find_target (const CollabSchema *schema,
             const char         *member,
             Column             *column)
{
  const char *dot = strchr (member, '.');
  const CollabField *value, *date;
  int i;

  if (dot != NULL)
    {
      g_autofree char *head = g_strndup (member, dot - member);
      const CollabField *object;
      int j;

      i = collab_schema_find_field (schema, head);
      if (i < 0 || schema->fields[i].type != COLLAB_FIELD_OBJECT)
        return FIND_NONE;
      object = &schema->fields[i];
      j = collab_schema_find_field (object->sub, dot + 1);
      if (j < 0 || !is_scalar (object->sub->fields[j].type))
        return FIND_NONE;
      column->type = TARGET_SUBFIELD;
      column->field = object;
      column->sub = &object->sub->fields[j];
      column->member = g_strdup_printf ("%s.%s", object->name, column->sub->name);
      return FIND_OK;
    }

  i = collab_schema_find_field (schema, member);
  if (i >= 0)
    {
      const CollabField *field = &schema->fields[i];

      column->field = field;
      column->member = g_strdup (field->name);
      if (is_scalar (field->type))
        column->type = TARGET_FIELD;
      else if (latest_fields (field, &value, &date))
        {
          column->type = TARGET_LATEST;
          column->sub = value;
        }
      else
        {
          g_clear_pointer (&column->member, g_free);
          return FIND_NO_CSV_FORM;
        }
      return FIND_OK;
    }

  if (g_str_has_suffix (member, "_date"))
    {
      g_autofree char *head = g_strndup (member, strlen (member) - strlen ("_date"));

      i = collab_schema_find_field (schema, head);
      if (i >= 0 && latest_fields (&schema->fields[i], &value, &date))
        {
          column->type = TARGET_LATEST_DATE;
          column->field = &schema->fields[i];
          column->sub = date;
          column->member = g_strdup (member);
          return FIND_OK;
        }
    }

  return FIND_NONE;
}

static gboolean
same_target (const Column *a,
             const Column *b)
{
  if (a->type == TARGET_NONE || b->type == TARGET_NONE)
    return FALSE;
  if (a->type == TARGET_EXTRA || b->type == TARGET_EXTRA)
    return a->type == b->type && strcmp (a->member, b->member) == 0;
  return a->type == b->type && a->companion == b->companion && a->field == b->field && a->sub == b->sub;
}

static const char *
header_unit (const char *header,
             char      **base)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_units); i++)
    if (g_str_has_suffix (header, header_units[i].suffix))
      {
        g_autofree char *head = g_strndup (header, strlen (header) - strlen (header_units[i].suffix));

        *base = trim_cell (head);
        return header_units[i].unit;
      }

  *base = g_strdup (header);
  return NULL;
}

/* The import --------------------------------------------------------------- */

/* A record a row may describe beside its own, created when the dataset
 * does not have it yet: the person of a roster row. */
static const struct
{
  CollabRecordKind  kind;
  const char       *via;
} companions[] = {
  { COLLAB_RECORD_KIND_DISPATCH, "person" },
};

typedef struct
{
  char               *text;    /* canonical, to compare rows with */
  char               *json;
  const CollabCsvRow *row;     /* the row that gave it */
  guint               column;
} Given;

/* A companion record the dataset does not have yet. */
typedef struct
{
  char               *id;
  const CollabCsvRow *row;     /* the first row that names it */
  Given              *given;   /* one per field of its kind */
  guint               n_given;
} NewRecord;

static void
new_record_free (gpointer data)
{
  NewRecord *record = data;

  for (guint i = 0; i < record->n_given; i++)
    {
      g_free (record->given[i].text);
      g_free (record->given[i].json);
    }
  g_free (record->given);
  g_free (record->id);
  g_free (record);
}

typedef struct
{
  char *id;
  char *other;   /* a second record of the same name, or NULL */
} NameEntry;

static void
name_entry_free (gpointer data)
{
  NameEntry *entry = data;

  g_free (entry->id);
  g_free (entry->other);
  g_free (entry);
}

typedef struct
{
  CollabStore        *store;
  const char         *name;
  CollabRecordKind    kind;
  const CollabSchema *schema;

  const CollabField  *via;           /* the companion reference, or NULL */
  CollabRecordKind    via_kind;
  const CollabSchema *via_schema;
  int                 via_column;    /* the column of @via, or -1 */
  gboolean            has_via_columns;

  GPtrArray          *rows;          /* of CollabCsvRow */
  const CollabCsvRow *header;
  GArray             *columns;       /* of Column */
  char              **cells;         /* the trimmed cells of the row being read */
  GPtrArray          *record_rows;   /* index in the document -> CollabCsvRow */
  GHashTable         *csv_ids;       /* id -> the first CollabCsvRow that has it */
  GHashTable         *new_records;   /* id -> NewRecord */
  GPtrArray          *new_order;     /* of NewRecord, in the order of their first rows */
  GHashTable         *names[COLLAB_N_RECORD_KINDS];  /* name -> NameEntry */
} Import;

static const Column *
get_column (Import *imp,
            guint   index)
{
  return &g_array_index (imp->columns, Column, index);
}

static char *
column_label (const Column *column)
{
  if (column->type == TARGET_NONE)
    return NULL;
  if (column->member == NULL || strcmp (column->header, column->member) == 0)
    return g_strdup (column->header);
  return g_strdup_printf ("%s (%s)", column->header, column->member);
}

/* `FILE:LINE:COLUMN: HEADER (member): message`. @column is 0-based, or
 * -1 when the member has no column (the position is then column 1).
 * @label is what the message names before the colon: `NULL` for the
 * column's header, "" for nothing. */
static gboolean G_GNUC_PRINTF (7, 8)
fail_at (Import      *imp,
         GError     **error,
         int          code,
         guint        line,
         int          column,
         const char  *label,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *own_label = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (label == NULL && column >= 0 && (guint) column < imp->columns->len)
    label = own_label = column_label (get_column (imp, column));

  if (label == NULL)
    label = "";
  g_set_error (error, COLLAB_DATASET_ERROR, code, "%s:%u:%d: %s%s%s",
               imp->name, line, column >= 0 ? column + 1 : 1,
               label, *label != '\0' ? ": " : "", message);
  return FALSE;
}

static const char *
first_alias_of (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    if (strcmp (header_aliases[i].member, member) == 0)
      return header_aliases[i].header;
  return NULL;
}

static FindResult
find_member (Import     *imp,
             const char *member,
             Column     *column)
{
  FindResult found = find_target (imp->schema, member, column);

  if (found != FIND_NONE || imp->via_schema == NULL)
    return found;

  /* A roster row's person columns: anything the person has but the
   * dispatch does not, its id aside (that is the `person` column). */
  if (find_target (imp->via_schema, member, column) == FIND_OK)
    {
      if (column->type == TARGET_FIELD && column->field->type != COLLAB_FIELD_ID)
        {
          column->companion = TRUE;
          return FIND_OK;
        }
      g_clear_pointer (&column->member, g_free);
      column->type = TARGET_NONE;
      column->field = column->sub = NULL;
    }
  return FIND_NONE;
}

static gboolean
read_header (Import  *imp,
             GError **error)
{
  const CollabCsvRow *header = imp->header;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint c = 0; c < header->n_cells; c++)
    {
      Column column = { 0 };
      g_autofree char *base = NULL;
      g_autofree char *key = NULL;
      const char *unit;
      FindResult found = FIND_NONE;

      column.header = trim_cell (header->cells[c]);
      g_array_append_val (imp->columns, column);
      if (*column.header == '\0')
        continue;

      unit = header_unit (column.header, &base);
      key = english_key (base);
      found = find_member (imp, key, &column);
      for (guint i = 0; found == FIND_NONE && i < G_N_ELEMENTS (header_aliases); i++)
        if (strcmp (header_aliases[i].header, base) == 0)
          found = find_member (imp, header_aliases[i].member, &column);

      if (found == FIND_NO_CSV_FORM)
        return fail_at (imp, error, COLLAB_DATASET_ERROR_TYPE, header->line, c, column.header,
                        "a %s holds a list of records here, which a CSV column cannot",
                        imp->schema->singular);
      if (found == FIND_NONE)
        {
          column.type = TARGET_EXTRA;
          column.member = g_strdup (column.header);
        }
      if (column.type != TARGET_EXTRA &&
          (column.type == TARGET_SUBFIELD ? column.sub : column.field)->type == COLLAB_FIELD_AMOUNT)
        column.unit = unit;
      g_array_index (imp->columns, Column, c) = column;

      for (guint before = 0; before < c; before++)
        if (same_target (get_column (imp, before), &column))
          return fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_MEMBER, header->line, c, NULL,
                          "column %u (%s) already gives \"%s\"", before + 1,
                          get_column (imp, before)->header, column.member);

      if (column.type == TARGET_FIELD && column.companion)
        imp->has_via_columns = TRUE;
      if (column.type == TARGET_FIELD && !column.companion && column.field == imp->via)
        imp->via_column = (int) c;
    }

  /* Every column missing at once: one round trip to the spreadsheet. */
  for (guint f = 0; f < imp->schema->n_fields; f++)
    {
      const CollabField *field = &imp->schema->fields[f];
      gboolean found = FALSE;
      const char *alias;

      if (!(field->flags & COLLAB_FIELD_REQUIRED))
        continue;
      for (guint c = 0; c < imp->columns->len && !found; c++)
        found = get_column (imp, c)->type == TARGET_FIELD && !get_column (imp, c)->companion &&
                get_column (imp, c)->field == field;
      if (found)
        continue;

      alias = first_alias_of (field->name);
      g_string_append_printf (missing, "%s\"%s\"", missing->len > 0 ? ", " : "", field->name);
      if (alias != NULL)
        g_string_append_printf (missing, " (or \"%s\")", alias);
      n_missing++;
    }

  if (n_missing > 0)
    return fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER, header->line, 0, "",
                    "the header has no column%s %s, which every %s needs",
                    n_missing > 1 ? "s" : "", missing->str, imp->schema->singular);

  return TRUE;
}

/* References by id, else by name ------------------------------------------- */

static void
add_name (GHashTable *table,
          const char *name,
          const char *id)
{
  NameEntry *entry = g_hash_table_lookup (table, name);

  if (entry == NULL)
    {
      entry = g_new0 (NameEntry, 1);
      entry->id = g_strdup (id);
      g_hash_table_insert (table, g_strdup (name), entry);
    }
  else if (strcmp (entry->id, id) != 0 && entry->other == NULL)
    entry->other = g_strdup (id);
}

static int
find_column_of (Import            *imp,
                const CollabField *field)
{
  for (guint c = 0; c < imp->columns->len; c++)
    if (get_column (imp, c)->type == TARGET_FIELD && !get_column (imp, c)->companion &&
        get_column (imp, c)->field == field)
      return (int) c;
  return -1;
}

/* The records of @kind by name: those of the dataset, and when the file
 * holds that kind, its rows. Built when a reference first needs it. */
static GHashTable *
name_index (Import           *imp,
            CollabRecordKind  kind)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  int n = collab_schema_find_field (schema, "name");
  GHashTable *table;

  if (imp->names[kind] != NULL)
    return imp->names[kind];

  table = imp->names[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_entry_free);
  if (n < 0 || schema->fields[n].type != COLLAB_FIELD_STRING)
    return table;

  for (guint i = 0; i < collab_store_count (imp->store, kind); i++)
    {
      gconstpointer record = collab_store_get (imp->store, kind, i);
      const char *id = ((const CollabRecordHeader *) record)->id;

      if (id != NULL && COLLAB_RECORD_PRESENT (record, n))
        add_name (table, *(const char * const *) COLLAB_FIELD_PTR (record, &schema->fields[n]), id);
    }

  if (kind == imp->kind)
    {
      int name_column = find_column_of (imp, &schema->fields[n]);
      int id_column = find_column_of (imp, &schema->fields[collab_schema_find_field (schema, "id")]);

      for (guint r = 0; name_column >= 0 && id_column >= 0 && r < imp->rows->len; r++)
        {
          const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);
          g_autofree char *name = NULL;
          g_autofree char *id = NULL;

          if (row == imp->header || row->n_cells != imp->columns->len)
            continue;
          name = trim_cell (row->cells[name_column]);
          id = trim_cell (row->cells[id_column]);
          if (*name != '\0' && *id != '\0')
            add_name (table, name, id);
        }
    }

  return table;
}

/* The id a reference cell means: an id of the dataset or of the file, or
 * the name of exactly one record (派往地 written 延川县 for `yanchuan`).
 * What names nothing is left for the reader to report. */
static char *
resolve_ref (Import             *imp,
             const CollabField  *field,
             const char         *text,
             const CollabCsvRow *row,
             guint               column,
             GError            **error)
{
  const char *found = NULL;
  CollabRecordKind found_kind = 0;

  if (collab_store_find_ref (imp->store, field->ref_kinds, text) != COLLAB_REF_NONE)
    return g_strdup (text);
  if ((field->ref_kinds & (1u << imp->kind)) && g_hash_table_contains (imp->csv_ids, text))
    return g_strdup (text);
  if (field == imp->via && imp->has_via_columns)
    return g_strdup (text);

  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    {
      NameEntry *entry;

      if (!(field->ref_kinds & (1u << k)))
        continue;
      entry = g_hash_table_lookup (name_index (imp, k), text);
      if (entry == NULL)
        continue;
      if (entry->other != NULL || found != NULL)
        return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) column, NULL,
                         "\"%s\" is the name of more than one record (%s \"%s\", %s \"%s\"): write the id",
                         text, collab_schema_kind_name (found != NULL ? found_kind : k),
                         found != NULL ? found : entry->id, collab_schema_kind_name (k),
                         found != NULL ? entry->id : entry->other), NULL);
      found = entry->id;
      found_kind = k;
    }

  return g_strdup (found != NULL ? found : text);
}

/* Values ------------------------------------------------------------------- */

static const char *
value_nick (const CollabField *field,
            const char        *text)
{
  GType type = field->enum_type ();
  g_autofree char *key = english_key (text);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  if (G_IS_FLAGS_CLASS (klass))
    {
      GFlagsValue *value = g_flags_get_value_by_nick (G_FLAGS_CLASS (klass), key);

      if (value != NULL && value->value != 0)
        return value->value_nick;
    }
  else
    {
      GEnumValue *value = g_enum_get_value_by_nick (G_ENUM_CLASS (klass), key);

      if (value != NULL && !(value->value == 0 && (field->flags & COLLAB_FIELD_NONZERO)))
        return value->value_nick;
    }

  for (guint i = 0; i < G_N_ELEMENTS (value_aliases); i++)
    if (value_aliases[i].type () == type && strcmp (value_aliases[i].word, text) == 0)
      return value_aliases[i].nick;

  return NULL;
}

static gboolean
bad_value (Import             *imp,
           const CollabField  *field,
           const char         *text,
           const CollabCsvRow *row,
           guint               column,
           GError            **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (field->enum_type ());
  g_autoptr(GString) choices = g_string_new (NULL);
  guint n_values = G_IS_FLAGS_CLASS (klass) ? G_FLAGS_CLASS (klass)->n_values : G_ENUM_CLASS (klass)->n_values;

  for (guint i = 0; i < n_values; i++)
    {
      const char *nick;
      const char *word = NULL;

      if (G_IS_FLAGS_CLASS (klass))
        nick = G_FLAGS_CLASS (klass)->values[i].value_nick;
      else if (G_ENUM_CLASS (klass)->values[i].value == 0 && (field->flags & COLLAB_FIELD_NONZERO))
        continue;
      else
        nick = G_ENUM_CLASS (klass)->values[i].value_nick;

      for (guint a = 0; a < G_N_ELEMENTS (value_aliases) && word == NULL; a++)
        if (value_aliases[a].type () == field->enum_type () && strcmp (value_aliases[a].nick, nick) == 0)
          word = value_aliases[a].word;
      g_string_append_printf (choices, "%s%s", choices->len > 0 ? ", " : "", nick);
      if (word != NULL)
        g_string_append_printf (choices, " (%s)", word);
    }

  return fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) column, NULL,
                  "expected one of %s, found \"%s\"", choices->str, text);
}

static void
append_flags_text (GString *out,
                   GType    type,
                   guint    value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
      g_string_append_printf (out, "%s%s", out->len > 0 ? ";" : "", klass->values[i].value_nick);
}

/* Converts a trimmed, non-empty cell for @field: appends its JSON value
 * to @json and returns the text the export would write for it, which is
 * what rows are compared by; NULL with @error set when the cell cannot
 * be read. */
static char *
convert_cell (Import             *imp,
              const CollabField  *field,
              const Column       *column,
              const char         *text,
              const CollabCsvRow *row,
              guint               index,
              GString            *json,
              GError            **error)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      collab_json_append_string (json, text);
      return g_strdup (text);

    case COLLAB_FIELD_ENUM:
      {
        const char *nick = value_nick (field, text);

        if (nick == NULL)
          return (bad_value (imp, field, text, row, index, error), NULL);
        collab_json_append_string (json, nick);
        return g_strdup (nick);
      }

    case COLLAB_FIELD_FLAGS:
      {
        g_autoptr(GPtrArray) items = split_list (text);
        g_autoptr(GFlagsClass) klass = g_type_class_ref (field->enum_type ());
        GString *canonical = g_string_new (NULL);
        guint value = 0;

        for (guint i = 0; i < items->len; i++)
          {
            const char *nick = value_nick (field, g_ptr_array_index (items, i));

            if (nick == NULL)
              {
                g_string_free (canonical, TRUE);
                return (bad_value (imp, field, g_ptr_array_index (items, i), row, index, error), NULL);
              }
            value |= g_flags_get_value_by_nick (klass, nick)->value;
          }
        append_flags_text (canonical, field->enum_type (), value);
        g_string_append_c (json, '[');
        for (guint i = 0; i < klass->n_values; i++)
          if (klass->values[i].value != 0 && (value & klass->values[i].value) == klass->values[i].value)
            {
              if (json->str[json->len - 1] != '[')
                g_string_append (json, ", ");
              collab_json_append_string (json, klass->values[i].value_nick);
            }
        g_string_append_c (json, ']');
        return g_string_free (canonical, FALSE);
      }

    case COLLAB_FIELD_REF:
      {
        char *id = resolve_ref (imp, field, text, row, index, error);

        if (id != NULL)
          collab_json_append_string (json, id);
        return id;
      }

    case COLLAB_FIELD_REF_LIST:
      {
        g_autoptr(GPtrArray) items = split_list (text);
        GString *canonical = g_string_new (NULL);

        g_string_append_c (json, '[');
        for (guint i = 0; i < items->len; i++)
          {
            g_autofree char *id = resolve_ref (imp, field, g_ptr_array_index (items, i), row, index, error);

            if (id == NULL)
              {
                g_string_free (canonical, TRUE);
                return NULL;
              }
            if (i > 0)
              {
                g_string_append (json, ", ");
                g_string_append_c (canonical, ';');
              }
            collab_json_append_string (json, id);
            g_string_append (canonical, id);
          }
        g_string_append_c (json, ']');
        return g_string_free (canonical, FALSE);
      }

    case COLLAB_FIELD_DATE:
      {
        char *date = normalize_date (text);

        if (date == NULL)
          return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) index, NULL,
                           "expected a date such as 2021-03-01, 2021/3/1, 2021.3.1 or 2021年3月1日, "
                           "found \"%s\"", text), NULL);
        collab_json_append_string (json, date);
        return date;
      }

    case COLLAB_FIELD_AMOUNT:
      {
        g_autofree char *amount = NULL;
        gint64 fen;

        /* Bare numbers under 金额（万元） are 万. */
        if (column != NULL && column->unit != NULL && g_ascii_isdigit (text[strlen (text) - 1]))
          amount = g_strconcat (text, column->unit, NULL);
        else
          amount = g_strdup (text);
        collab_json_append_string (json, amount);
        if (collab_money_parse (amount, &fen, NULL))
          return collab_money_format (fen);
        return g_steal_pointer (&amount);
      }

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      {
        g_autofree char *digits = g_strdup (text);
        gint64 value;

        if (field->type == COLLAB_FIELD_YEAR && g_str_has_suffix (digits, "年"))
          digits[strlen (digits) - strlen ("年")] = '\0';
        if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &value, NULL))
          return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) index, NULL,
                           "expected %s, found \"%s\"",
                           field->type == COLLAB_FIELD_YEAR ? "a year such as 2021" : "a whole number",
                           text), NULL);
        g_string_append_printf (json, "%" G_GINT64_FORMAT, value);
        return g_strdup_printf ("%" G_GINT64_FORMAT, value);
      }

    case COLLAB_FIELD_BOOL:
      if (word_in (text, true_words, G_N_ELEMENTS (true_words)))
        {
          g_string_append (json, "true");
          return g_strdup ("true");
        }
      if (word_in (text, false_words, G_N_ELEMENTS (false_words)))
        {
          g_string_append (json, "false");
          return g_strdup ("false");
        }
      return (fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) index, NULL,
                       "expected 是 or 否 (true or false, 1 or 0), found \"%s\"", text), NULL);

    case COLLAB_FIELD_OBJECT:
    case COLLAB_FIELD_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

/* What the export writes for a field of a record: also what a roster row
 * is compared with when its person is already in the dataset. */
static char *
field_text (const CollabStore *store,
            const CollabField *field,
            gconstpointer      slot)
{
  switch (field->type)
    {
    case COLLAB_FIELD_ID:
    case COLLAB_FIELD_STRING:
      return g_strdup (*(const char * const *) slot);

    case COLLAB_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (field->enum_type ());
        GEnumValue *value = g_enum_get_value (klass, *(const guint8 *) slot);

        return g_strdup (value != NULL ? value->value_nick : "");
      }

    case COLLAB_FIELD_FLAGS:
      {
        GString *text = g_string_new (NULL);

        append_flags_text (text, field->enum_type (), *(const guint8 *) slot);
        return g_string_free (text, FALSE);
      }

    case COLLAB_FIELD_REF:
      return g_strdup (collab_store_ref_id (store, *(const CollabRef *) slot));

    case COLLAB_FIELD_REF_LIST:
      {
        const CollabRefList *list = slot;
        GString *text = g_string_new (NULL);

        for (guint i = 0; i < list->n; i++)
          g_string_append_printf (text, "%s%s", i > 0 ? ";" : "", collab_store_ref_id (store, list->refs[i]));
        return g_string_free (text, FALSE);
      }

    case COLLAB_FIELD_DATE:
      return collab_day_format (*(const CollabDay *) slot);

    case COLLAB_FIELD_AMOUNT:
      return collab_money_format (*(const gint64 *) slot);

    case COLLAB_FIELD_INT:
    case COLLAB_FIELD_YEAR:
      return g_strdup_printf ("%d", *(const gint32 *) slot);

    case COLLAB_FIELD_BOOL:
      return g_strdup (*(const gboolean *) slot ? "true" : "false");

    case COLLAB_FIELD_OBJECT:
    case COLLAB_FIELD_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

/* Rows into records -------------------------------------------------------- */

static void
append_member (GString    *out,
               gboolean   *first,
               const char *member)
{
  if (!*first)
    g_string_append (out, ", ");
  *first = FALSE;
  collab_json_append_string (out, member);
  g_string_append (out, ": ");
}

static gboolean
check_id (Import             *imp,
          const CollabCsvRow *row,
          guint               column,
          const char         *id,
          GError            **error)
{
  const CollabCsvRow *first = g_hash_table_lookup (imp->csv_ids, id);

  if (collab_store_lookup (imp->store, imp->kind, id, NULL))
    return fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_ID, row->line, (int) column, NULL,
                    "the dataset already has a %s with the id \"%s\"", imp->schema->singular, id);
  if (first != NULL && first != row)
    return fail_at (imp, error, COLLAB_DATASET_ERROR_DUPLICATE_ID, row->line, (int) column, NULL,
                    "line %u already has the %s id \"%s\"", first->line, imp->schema->singular, id);
  return TRUE;
}

/* `period.first_year` and `period.last_year` make `"period": {…}`. */
static gboolean
append_object (Import             *imp,
               const CollabCsvRow *row,
               const CollabField  *object,
               GString            *out,
               gboolean           *first,
               GError            **error)
{
  gboolean opened = FALSE;
  gboolean sub_first = TRUE;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const Column *column = get_column (imp, c);
      g_autofree char *text = NULL;

      if (column->type != TARGET_SUBFIELD || column->field != object || *imp->cells[c] == '\0')
        continue;
      if (!opened)
        {
          append_member (out, first, object->name);
          g_string_append_c (out, '{');
          opened = TRUE;
        }
      append_member (out, &sub_first, column->sub->name);
      text = convert_cell (imp, column->sub, column, imp->cells[c], row, c, out, error);
      if (text == NULL)
        return FALSE;
    }
  if (opened)
    g_string_append_c (out, '}');
  return TRUE;
}

/* `status` and `status_date` make `"status": [{"status": …, "date": …}]`. */
static gboolean
append_latest (Import             *imp,
               const CollabCsvRow *row,
               const CollabField  *array,
               GString            *out,
               gboolean           *first,
               GError            **error)
{
  gboolean opened = FALSE;
  gboolean sub_first = TRUE;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const Column *column = get_column (imp, c);
      g_autofree char *text = NULL;

      if ((column->type != TARGET_LATEST && column->type != TARGET_LATEST_DATE) ||
          column->field != array || *imp->cells[c] == '\0')
        continue;
      if (!opened)
        {
          append_member (out, first, array->name);
          g_string_append (out, "[{");
          opened = TRUE;
        }
      append_member (out, &sub_first, column->sub->name);
      text = convert_cell (imp, column->sub, column, imp->cells[c], row, c, out, error);
      if (text == NULL)
        return FALSE;
    }
  if (opened)
    g_string_append (out, "}]");
  return TRUE;
}

/* A roster row's person columns: compared with the person the dataset
 * has, or gathered into the person the import creates. */
static gboolean
describe_companion (Import             *imp,
                    const CollabCsvRow *row,
                    GError            **error)
{
  const CollabSchema *schema = imp->via_schema;
  const char *id = imp->cells[imp->via_column];
  gconstpointer existing = NULL;
  NewRecord *record = NULL;
  guint index;

  if (*id == '\0')
    return TRUE;

  if (collab_store_lookup (imp->store, imp->via_kind, id, &index))
    existing = collab_store_get (imp->store, imp->via_kind, index);
  else if ((record = g_hash_table_lookup (imp->new_records, id)) == NULL)
    {
      record = g_new0 (NewRecord, 1);
      record->id = g_strdup (id);
      record->row = row;
      record->n_given = schema->n_fields;
      record->given = g_new0 (Given, schema->n_fields);
      g_hash_table_insert (imp->new_records, record->id, record);
      g_ptr_array_add (imp->new_order, record);
    }

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const Column *column = get_column (imp, c);
      g_autoptr(GString) json = NULL;
      g_autofree char *text = NULL;
      int f;

      if (!column->companion || *imp->cells[c] == '\0')
        continue;

      f = (int) (column->field - schema->fields);
      json = g_string_new (NULL);
      text = convert_cell (imp, column->field, column, imp->cells[c], row, c, json, error);
      if (text == NULL)
        return FALSE;

      if (existing != NULL)
        {
          g_autofree char *known = NULL;

          /* What the dataset does not say, a roster cannot add: records
           * are appended, never changed. */
          if (!COLLAB_RECORD_PRESENT (existing, f))
            continue;
          known = field_text (imp->store, column->field, COLLAB_FIELD_PTR (existing, column->field));
          if (strcmp (known, text) != 0)
            return fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT, row->line, (int) c, NULL,
                            "the %s \"%s\" has the %s \"%s\" in the dataset, and this row says \"%s\"",
                            schema->singular, id, column->field->name, known, text);
        }
      else if (record->given[f].text == NULL)
        {
          record->given[f].text = g_steal_pointer (&text);
          record->given[f].json = g_string_free (g_steal_pointer (&json), FALSE);
          record->given[f].row = row;
          record->given[f].column = c;
        }
      else if (strcmp (record->given[f].text, text) != 0)
        return fail_at (imp, error, COLLAB_DATASET_ERROR_INCONSISTENT, row->line, (int) c, NULL,
                        "line %u gives the %s \"%s\" the %s \"%s\", and this row says \"%s\"",
                        record->given[f].row->line, schema->singular, id, column->field->name,
                        record->given[f].text, text);
    }

  return TRUE;
}

static gboolean
convert_row (Import             *imp,
             const CollabCsvRow *row,
             GString            *out,
             GError            **error)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint c = 0; c < imp->columns->len; c++)
    {
      const Column *column = get_column (imp, c);
      const char *text = imp->cells[c];
      g_autofree char *canonical = NULL;

      if (column->companion || column->type == TARGET_SUBFIELD ||
          column->type == TARGET_LATEST || column->type == TARGET_LATEST_DATE)
        continue;

      if (*text == '\0')
        {
          /* An empty cell is a member not given, which the reader would
           * report for the record; say it of the cell. */
          if (column->type == TARGET_FIELD && (column->field->flags & COLLAB_FIELD_REQUIRED))
            return fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER, row->line, (int) c, NULL,
                            "the cell is empty, and every %s needs one", imp->schema->singular);
          continue;
        }

      if (column->type == TARGET_NONE)
        return fail_at (imp, error, COLLAB_DATASET_ERROR_INVALID_VALUE, row->line, (int) c, NULL,
                        "\"%s\" is in a column without a header", text);

      append_member (out, &first, column->member);
      if (column->type == TARGET_EXTRA)
        {
          collab_json_append_string (out, text);
          continue;
        }

      if (column->field->type == COLLAB_FIELD_ID && !check_id (imp, row, c, text, error))
        return FALSE;
      canonical = convert_cell (imp, column->field, column, text, row, c, out, error);
      if (canonical == NULL)
        return FALSE;
    }

  for (guint f = 0; f < imp->schema->n_fields; f++)
    {
      const CollabField *field = &imp->schema->fields[f];

      if (field->type == COLLAB_FIELD_OBJECT && !append_object (imp, row, field, out, &first, error))
        return FALSE;
      if (field->type == COLLAB_FIELD_ARRAY && !append_latest (imp, row, field, out, &first, error))
        return FALSE;
    }
  g_string_append_c (out, '}');

  if (imp->has_via_columns && imp->via_column >= 0)
    return describe_companion (imp, row, error);
  return TRUE;
}

static int
companion_column (Import            *imp,
                  const CollabField *field)
{
  for (guint c = 0; c < imp->columns->len; c++)
    if (get_column (imp, c)->companion && get_column (imp, c)->field == field)
      return (int) c;
  return imp->via_column;
}

static gboolean
append_new_records (Import   *imp,
                    GString  *out,
                    GError  **error)
{
  const CollabSchema *schema = imp->via_schema;

  for (guint i = 0; i < imp->new_order->len; i++)
    {
      NewRecord *record = g_ptr_array_index (imp->new_order, i);
      gboolean first = TRUE;

      for (guint f = 0; f < schema->n_fields; f++)
        {
          const CollabField *field = &schema->fields[f];

          if ((field->flags & COLLAB_FIELD_REQUIRED) && field->type != COLLAB_FIELD_ID &&
              record->given[f].text == NULL)
            return fail_at (imp, error, COLLAB_DATASET_ERROR_MISSING_MEMBER, record->row->line,
                            companion_column (imp, field), NULL,
                            "the %s \"%s\" is not in the dataset, and none of its rows gives the %s "
                            "a new %s needs", schema->singular, record->id, field->name, schema->singular);
        }

      g_string_append (out, i > 0 ? ",\n" : "\n");
      g_string_append_c (out, '{');
      append_member (out, &first, "id");
      collab_json_append_string (out, record->id);
      for (guint f = 0; f < schema->n_fields; f++)
        if (record->given[f].json != NULL)
          {
            append_member (out, &first, schema->fields[f].name);
            g_string_append (out, record->given[f].json);
          }
      g_string_append_c (out, '}');
    }

  return TRUE;
}

/* Errors of the reader ----------------------------------------------------- */

static int
find_column_for (Import     *imp,
                 gboolean    companion,
                 const char *field,
                 const char *sub)
{
  int found = -1;

  for (guint c = 0; c < imp->columns->len; c++)
    {
      const Column *column = get_column (imp, c);

      if (column->field == NULL || column->companion != companion || strcmp (column->field->name, field) != 0)
        continue;
      if (sub == NULL || (column->sub != NULL && strcmp (column->sub->name, sub) == 0))
        return (int) c;
      if (found < 0)
        found = (int) c;
    }
  return found;
}

/* The reader says where as `FILE: $.member[N].field…: message`, with
 * ` (line L, column C)` of the document it was given, which means nothing
 * to whoever edits the CSV: the path is mapped to the row and column. */
static void
map_reader_error (Import  *imp,
                  GError  *reader_error,
                  GError **error)
{
  const char *p = reader_error->message;
  g_autofree char *member = NULL;
  g_autofree char *field = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *message = NULL;
  const CollabCsvRow *row = NULL;
  CollabRecordKind kind;
  const char *q, *tail;
  guint64 index;
  int column = -1;

  if (!g_str_has_prefix (p, imp->name) || !g_str_has_prefix (p + strlen (imp->name), ": $."))
    goto verbatim;
  p += strlen (imp->name) + strlen (": $.");

  for (q = p; *q != '\0' && *q != '['; q++)
    ;
  if (*q != '[')
    goto verbatim;
  member = g_strndup (p, q - p);
  index = g_ascii_strtoull (q + 1, (char **) &p, 10);
  if (*p != ']' || !collab_schema_kind_from_member (member, &kind))
    goto verbatim;
  p++;

  /* `.planned_end`, `.period.first_year`, `.status[0].date`, `.assisted[1]`, or nothing. */
  if (*p == '.')
    {
      for (q = ++p; *q != '\0' && *q != '.' && *q != '[' && *q != ':'; q++)
        ;
      field = g_strndup (p, q - p);
      p = q;
      if (*p == '[')
        p = strchr (p, ']') != NULL ? strchr (p, ']') + 1 : p;
      if (*p == '.')
        {
          for (q = ++p; *q != '\0' && *q != '.' && *q != '[' && *q != ':'; q++)
            ;
          sub = g_strndup (p, q - p);
          p = q;
        }
    }
  q = strstr (p, ": ");
  if (q == NULL)
    goto verbatim;
  message = g_strdup (q + 2);
  tail = g_strrstr (message, " (line ");
  if (tail != NULL && g_str_has_suffix (tail, ")"))
    message[tail - message] = '\0';

  if (kind == imp->kind && index < imp->record_rows->len)
    {
      row = g_ptr_array_index (imp->record_rows, index);
      if (field != NULL)
        column = find_column_for (imp, FALSE, field, sub);
    }
  else if (imp->via != NULL && kind == imp->via_kind && index < imp->new_order->len)
    {
      NewRecord *record = g_ptr_array_index (imp->new_order, index);
      int f = field != NULL ? collab_schema_find_field (imp->via_schema, field) : -1;

      row = record->row;
      column = imp->via_column;
      if (f >= 0 && record->given[f].row != NULL)
        {
          row = record->given[f].row;
          column = (int) record->given[f].column;
        }
      else if (f >= 0)
        column = companion_column (imp, &imp->via_schema->fields[f]);
    }
  else
    goto verbatim;

  fail_at (imp, error, reader_error->code, row->line, column,
           column < 0 ? field : NULL, "%s", message);
  return;

verbatim:
  g_propagate_error (error, g_error_copy (reader_error));
}

/* The whole import --------------------------------------------------------- */

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->rows, g_ptr_array_unref);
  g_clear_pointer (&imp->columns, g_array_unref);
  g_clear_pointer (&imp->cells, g_strfreev);
  g_clear_pointer (&imp->record_rows, g_ptr_array_unref);
  g_clear_pointer (&imp->csv_ids, g_hash_table_unref);
  g_clear_pointer (&imp->new_order, g_ptr_array_unref);
  g_clear_pointer (&imp->new_records, g_hash_table_unref);
  for (guint k = 0; k < COLLAB_N_RECORD_KINDS; k++)
    g_clear_pointer (&imp->names[k], g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static void
trim_row (Import             *imp,
          const CollabCsvRow *row)
{
  g_clear_pointer (&imp->cells, g_strfreev);
  imp->cells = g_new0 (char *, row->n_cells + 1);
  for (guint c = 0; c < row->n_cells; c++)
    imp->cells[c] = trim_cell (row->cells[c]);
}

static gboolean
import_rows (Import   *imp,
             GString  *records,
             GError  **error)
{
  const CollabCsvRow *header = imp->header;
  int id_column = find_column_of (imp, &imp->schema->fields[collab_schema_find_field (imp->schema, "id")]);

  /* Every id of the file first: a row may refer to one further down. */
  for (guint r = 0; id_column >= 0 && r < imp->rows->len; r++)
    {
      const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);
      char *id;

      if (row->line <= header->line || row->n_cells != header->n_cells)
        continue;
      id = trim_cell (row->cells[id_column]);
      if (*id != '\0' && !g_hash_table_contains (imp->csv_ids, id))
        g_hash_table_insert (imp->csv_ids, id, (gpointer) row);
      else
        g_free (id);
    }

  for (guint r = 0; r < imp->rows->len; r++)
    {
      const CollabCsvRow *row = g_ptr_array_index (imp->rows, r);

      if (row->line <= header->line || row_is_blank (row))
        continue;
      if (row->n_cells != header->n_cells)
        {
          guint column = MIN (row->n_cells, header->n_cells);

          return fail_at (imp, error, COLLAB_DATASET_ERROR_SYNTAX, row->line, (int) column,
                          row->n_cells < header->n_cells ? NULL : "",
                          "the row has %u cells, and the header %u", row->n_cells, header->n_cells);
        }

      trim_row (imp, row);
      if (imp->record_rows->len > 0)
        g_string_append (records, ",\n");
      if (!convert_row (imp, row, records, error))
        return FALSE;
      g_ptr_array_add (imp->record_rows, (gpointer) row);
    }

  return TRUE;
}

static gboolean
import_text (CollabStore       *store,
             CollabRecordKind   kind,
             const char        *data,
             gsize              length,
             const char        *name,
             GError           **error)
{
  g_auto(Import) imp = { 0 };
  g_autoptr(GString) document = NULL;
  g_autoptr(GError) reader_error = NULL;
  g_autofree char *text = NULL;
  gsize text_length;

  imp.store = store;
  imp.name = name;
  imp.kind = kind;
  imp.schema = collab_schema_for_kind (kind);
  imp.via_column = -1;
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (companions[i].kind == kind)
      {
        imp.via = &imp.schema->fields[collab_schema_find_field (imp.schema, companions[i].via)];
        imp.via_kind = (CollabRecordKind) g_bit_nth_lsf (imp.via->ref_kinds, -1);
        imp.via_schema = collab_schema_for_kind (imp.via_kind);
      }
  imp.columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (imp.columns, column_clear);
  imp.record_rows = g_ptr_array_new ();
  imp.csv_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.new_records = g_hash_table_new (g_str_hash, g_str_equal);
  imp.new_order = g_ptr_array_new_with_free_func (new_record_free);

  text = collab_csv_decode (data, length, name, &text_length, error);
  if (text == NULL)
    return FALSE;
  imp.rows = collab_csv_parse (text, text_length, name, error);
  g_clear_pointer (&text, g_free);
  if (imp.rows == NULL)
    return FALSE;

  for (guint r = 0; r < imp.rows->len && imp.header == NULL; r++)
    if (!row_is_blank (g_ptr_array_index (imp.rows, r)))
      imp.header = g_ptr_array_index (imp.rows, r);
  if (imp.header == NULL)
    {
      g_set_error (error, COLLAB_DATASET_ERROR, COLLAB_DATASET_ERROR_SYNTAX,
                   "%s:1:1: the file is empty: expected a header row naming the columns", name);
      return FALSE;
    }

  if (!read_header (&imp, error))
    return FALSE;

  /* The records, then the people a roster creates: the reader resolves
   * references once the whole document is read. */
  document = g_string_sized_new (text_length * 2 + 256);
  g_string_append_printf (document, "{\"format\": \"%s\", \"version\": %d,\n\"%s\": [\n",
                          COLLAB_DATASET_FORMAT, COLLAB_DATASET_VERSION, imp.schema->member);
  if (!import_rows (&imp, document, error))
    return FALSE;
  g_string_append (document, "]");
  if (imp.new_order->len > 0)
    {
      g_string_append_printf (document, ",\n\"%s\": [", imp.via_schema->member);
      if (!append_new_records (&imp, document, error))
        return FALSE;
      g_string_append (document, "]");
    }
  g_string_append (document, "}\n");

  if (!collab_json_read_into (store, document->str, document->len, name, &reader_error))
    {
      map_reader_error (&imp, reader_error, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * collab_dataset_import_csv_data:
 * @dataset: a dataset
 * @kind: the kind of record each row is
 * @data: (array length=length) (element-type guint8): the bytes of a CSV file
 * @length: the length of @data in bytes, or -1 when it ends with a NUL
 * @name: (nullable): the name error messages give the file, or `NULL` for `<data>`
 * @error: return location for a #GError
 *
 * Appends the rows of a CSV table to @dataset as records of @kind: a
 * roster, a pairing table, a ledger of transactions as spreadsheets export
 * them.
 *
 * **Encoding.** UTF-8 with or without a byte-order mark; otherwise
 * GB18030 (which includes GBK and GB2312), the encoding spreadsheets in
 * Chinese offices save CSV in. A file that is good UTF-8 but for a few
 * bytes is taken as damaged UTF-8 rather than read as GB18030; UTF-16 is
 * refused. Bytes that neither encoding reads are a
 * %COLLAB_DATASET_ERROR_SYNTAX error naming their line and column.
 *
 * **Table.** RFC 4180: cells separated by commas, quoted with `"` when
 * they hold commas, quotes (doubled) or line breaks; CRLF, LF or CR line
 * ends. The first non-blank row is the header; blank rows are skipped,
 * and a row with more or fewer cells than the header is an error. Cells
 * are trimmed of surrounding white space, and an empty cell is a member
 * not given.
 *
 * **Columns.** The header names the members of the dataset document
 * (`id`, `planned_end`, `period.first_year`; any case) or their Chinese
 * names (编号, 计划结束日期, …). A project's `status` and `status_date`
 * give its latest status. A column the kind does not know is kept as a
 * string member of each record and saved with it. An amount column whose
 * header names a unit, as 金额（万元）, reads bare numbers in that unit.
 *
 * **Values.** Closed vocabularies take their English word or a Chinese
 * one (教师, 专业技术人才, 选派, 下达, 乡村振兴, …). Lists (flags,
 * several ids) are separated by `;`, `,` or `、`. Dates are written
 * `2021-03-01`, `2021/3/1`, `2021.3.1` or `2021年3月1日`; amounts as in
 * the dataset document (`1920万`, `300.50`); booleans `是`/`否`,
 * `true`/`false` or `1`/`0`. A reference is an id, or the name of
 * exactly one record of the kind it refers to (`延川县` for a region).
 *
 * **Rosters.** A dispatch row may also describe its person: the columns
 * `name`, `profession` and `organization` (姓名, 职业, 单位). A person the
 * dataset does not have is created once, however many rows name them;
 * a row that contradicts what the dataset or an earlier row says of the
 * person (another profession) is a %COLLAB_DATASET_ERROR_INCONSISTENT
 * error.
 *
 * Records may refer to records @dataset already has and to each other.
 * Errors read `FILE:LINE:COLUMN: HEADER: message`, where LINE is the line
 * of the file the row starts on (the header is usually line 1) and
 * COLUMN the cell's position in the row. The import is atomic: on error,
 * @dataset keeps exactly the records it had.
 *
 * Returns: whether the rows were imported
 */
gboolean
collab_dataset_import_csv_data (CollabDataset     *dataset,
                                CollabRecordKind   kind,
                                const char        *data,
                                gssize             length,
                                const char        *name,
                                GError           **error)
{
  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!import_text (collab_dataset_get_store (dataset), kind, data != NULL ? data : "",
                    (gsize) length, name != NULL ? name : "<data>", error))
    return FALSE;

  g_signal_emit_by_name (dataset, "changed");
  return TRUE;
}

/**
 * collab_dataset_import_csv:
 * @dataset: a dataset
 * @kind: the kind of record each row is
 * @path: (type filename): a CSV file
 * @error: return location for a #GError
 *
 * Like [method@Collab.Dataset.import_csv_data], from a file; messages
 * name it by @path.
 *
 * Returns: whether the rows were imported
 */
gboolean
collab_dataset_import_csv (CollabDataset     *dataset,
                           CollabRecordKind   kind,
                           const char        *path,
                           GError           **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The message of GLib names the file and the reason. */
  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  return collab_dataset_import_csv_data (dataset, kind, data, (gssize) length, path, error);
}

/* The export --------------------------------------------------------------- */

static void
add_column (GArray            *columns,
            TargetType         type,
            const CollabField *field,
            const CollabField *sub,
            char              *member)
{
  Column column = { type, FALSE, field, sub, member, NULL, NULL };

  g_array_append_val (columns, column);
}

/* The columns of @kind: its scalar fields in table order, inline
 * sub-records flattened, the latest step of a history, then the members
 * this library does not know that hold a single value. */
static GArray *
export_columns (const CollabStore *store,
                CollabRecordKind   kind)
{
  const CollabSchema *schema = collab_schema_for_kind (kind);
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_clear_func (columns, column_clear);
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const CollabField *field = &schema->fields[f];
      const CollabField *value, *date;

      if (is_scalar (field->type))
        add_column (columns, TARGET_FIELD, field, NULL, g_strdup (field->name));
      else if (field->type == COLLAB_FIELD_OBJECT)
        {
          for (guint s = 0; s < field->sub->n_fields; s++)
            if (is_scalar (field->sub->fields[s].type))
              add_column (columns, TARGET_SUBFIELD, field, &field->sub->fields[s],
                          g_strdup_printf ("%s.%s", field->name, field->sub->fields[s].name));
        }
      else if (latest_fields (field, &value, &date))
        {
          add_column (columns, TARGET_LATEST, field, value, g_strdup (field->name));
          add_column (columns, TARGET_LATEST_DATE, field, date, g_strdup_printf ("%s_date", field->name));
        }
    }

  for (guint c = 0; c < columns->len; c++)
    g_hash_table_add (names, g_array_index (columns, Column, c).member);

  for (guint i = 0; i < collab_store_count (store, kind); i++)
    {
      const CollabRecordHeader *header = collab_store_get (store, kind, i);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (header->extra == NULL)
        continue;
      json_object_iter_init_ordered (&iter, header->extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (JSON_NODE_HOLDS_VALUE (node) && !g_hash_table_contains (names, name))
          {
            add_column (columns, TARGET_EXTRA, NULL, NULL, g_strdup (name));
            g_hash_table_add (names, g_array_index (columns, Column, columns->len - 1).member);
          }
    }

  return columns;
}

static char *
extra_text (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];

    return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
  }
}

static char *
cell_text (const CollabStore  *store,
           const CollabSchema *schema,
           const Column       *column,
           gconstpointer       record)
{
  const CollabRecordHeader *header = record;
  int f = column->field != NULL ? (int) (column->field - schema->fields) : -1;

  switch (column->type)
    {
    case TARGET_FIELD:
      if (!COLLAB_RECORD_PRESENT (record, f))
        return NULL;
      return field_text (store, column->field, COLLAB_FIELD_PTR (record, column->field));

    case TARGET_SUBFIELD:
      {
        gconstpointer object = COLLAB_FIELD_PTR (record, column->field);
        int s = (int) (column->sub - column->field->sub->fields);

        if (!COLLAB_RECORD_PRESENT (record, f) || !COLLAB_RECORD_PRESENT (object, s))
          return NULL;
        return field_text (store, column->sub, COLLAB_FIELD_PTR (object, column->sub));
      }

    case TARGET_LATEST:
    case TARGET_LATEST_DATE:
      {
        const CollabSubArray *array = COLLAB_FIELD_PTR (record, column->field);
        gconstpointer latest;

        /* The history is in date order: the last step is the latest. */
        if (!COLLAB_RECORD_PRESENT (record, f) || array->n == 0)
          return NULL;
        latest = (const guint8 *) array->items + (gsize) (array->n - 1) * column->field->sub->record_size;
        return field_text (store, column->sub, COLLAB_FIELD_PTR (latest, column->sub));
      }

    case TARGET_EXTRA:
      return header->extra != NULL && json_object_has_member (header->extra, column->member)
             ? extra_text (json_object_get_member (header->extra, column->member))
             : NULL;

    case TARGET_NONE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * collab_dataset_export_csv:
 * @dataset: a dataset
 * @kind: the kind of record to write
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the records of @kind as a CSV table, one record a row, that
 * [method@Collab.Dataset.import_csv_data] reads back.
 *
 * The text is UTF-8 without a byte-order mark, with RFC 4180 quoting and
 * CRLF line ends. The header row names the members of the dataset
 * document, in the order of the kind's fields. Only members that hold
 * one value get a column: flags and lists of ids are joined with `;`, an
 * inline sub-record is flattened (`period.first_year`), a history gives
 * its latest step (a project's `status` and `status_date`), and other
 * lists of sub-records (a program's `fund_base`) are left out. Members
 * this library does not know follow, when they hold a single value.
 * Amounts are written as yuan with two decimals (`19200000.00`), dates
 * `YYYY-MM-DD`, booleans `true` or `false`; a member a record does not
 * have is an empty cell.
 *
 * Returns: (transfer full): the CSV text
 */
char *
collab_dataset_export_csv (CollabDataset    *dataset,
                           CollabRecordKind  kind,
                           gsize            *length)
{
  const CollabSchema *schema;
  CollabStore *store;
  g_autoptr(GArray) columns = NULL;
  GString *out;

  g_return_val_if_fail (COLLAB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail ((guint) kind < COLLAB_N_RECORD_KINDS, NULL);

  store = collab_dataset_get_store (dataset);
  schema = collab_schema_for_kind (kind);
  columns = export_columns (store, kind);
  out = g_string_new (NULL);

  for (guint c = 0; c < columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      collab_csv_append_cell (out, g_array_index (columns, Column, c).member);
    }
  g_string_append (out, COLLAB_CSV_EOL);

  for (guint i = 0; i < collab_store_count (store, kind); i++)
    {
      gconstpointer record = collab_store_get (store, kind, i);

      for (guint c = 0; c < columns->len; c++)
        {
          g_autofree char *text = cell_text (store, schema, &g_array_index (columns, Column, c), record);

          if (c > 0)
            g_string_append_c (out, ',');
          collab_csv_append_cell (out, text);
        }
      g_string_append (out, COLLAB_CSV_EOL);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
