/* gk-catalog-csv.c: reading catalog CSV, comparing versions, importing
 *
 * libcsv does the RFC 4180 parsing (quotes, doubled quotes, commas and line
 * breaks inside quoted fields). It is fed one byte at a time so that every
 * record is known by the line it starts on; catalogs are a few kilobytes.
 */

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-csv.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"

#define N_COLUMNS 6
#define IMPORT_REASON "import"

static const char * const columns[N_COLUMNS] = {
  "no", "category", "content", "responsible", "audiences", "cadence",
};

/* ---- parsing ---- */

typedef struct
{
  guint      line;
  GPtrArray *fields;     /* char * */
  gboolean   bad_utf8;
} Record;

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->fields);
  g_free (record);
}

static void
problem_free (GkCatalogImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *format,
             ...)
{
  GkCatalogImportProblem *problem = g_new0 (GkCatalogImportProblem, 1);
  va_list args;

  problem->line = line;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

typedef struct
{
  GPtrArray *records;
  Record    *current;
  guint      record_line;
  gboolean   at_record_start;
} Parse;

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  Parse *parse = user_data;
  const char *text = data != NULL ? data : "";

  if (parse->current == NULL)
    {
      parse->current = g_new0 (Record, 1);
      parse->current->line = parse->record_line;
      parse->current->fields = g_ptr_array_new_with_free_func (g_free);
    }
  /* g_utf8_validate with a length also refuses NUL bytes. */
  if (length > 0 && !g_utf8_validate (text, (gssize) length, NULL))
    parse->current->bad_utf8 = TRUE;
  g_ptr_array_add (parse->current->fields, g_strndup (text, length));
}

static void
on_record (int   terminator,
           void *user_data)
{
  Parse *parse = user_data;

  if (parse->current != NULL)
    g_ptr_array_add (parse->records, g_steal_pointer (&parse->current));
  parse->at_record_start = TRUE;
}

/* Leading and trailing spaces are data: the export writes them unquoted. */
static int
never_space (unsigned char c)
{
  return 0;
}

/* The records of DATA, each with the line it starts on. Malformed quoting
 * ends the parse with a problem on its line: after it, where records begin
 * cannot be known. */
static GPtrArray *
parse_csv (const char *data,
           gsize       length,
           GPtrArray  *problems)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  Parse parse = { records, NULL, 1, TRUE };
  struct csv_parser parser;
  guint line = 1;
  gsize i = 0;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("libcsv cannot initialize");
  csv_set_space_func (&parser, never_space);

  /* A byte order mark, as spreadsheets write it, is not part of the header. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  for (; i < length; i++)
    {
      char c = data[i];

      if (parse.at_record_start && c != '\r' && c != '\n')
        {
          parse.record_line = line;
          parse.at_record_start = FALSE;
        }
      if (csv_parse (&parser, data + i, 1, on_field, on_record, &parse) != 1)
        {
          add_problem (problems, line,
                       _("malformed quoting: a quote inside an unquoted field or text after a closing quote"));
          break;
        }
      if (c == '\n' || (c == '\r' && (i + 1 == length || data[i + 1] != '\n')))
        line++;
    }

  if (i == length && csv_fini (&parser, on_field, on_record, &parse) != 0)
    add_problem (problems, parse.record_line, _("a quoted field is not closed"));
  csv_free (&parser);
  g_clear_pointer (&parse.current, record_free);
  return g_steal_pointer (&records);
}

/* ---- rows and differences ---- */

/* One item as a CSV row: its number and the other five columns. */
typedef struct
{
  guint   line;
  guint   number;
  char   *values[N_COLUMNS - 1];   /* category, content, responsible, audiences, cadence */
  GArray *responsible;             /* import only: resolved ids */
  GArray *audiences;
} Row;

static void
row_free (Row *row)
{
  for (guint v = 0; v < G_N_ELEMENTS (row->values); v++)
    g_free (row->values[v]);
  g_clear_pointer (&row->responsible, g_array_unref);
  g_clear_pointer (&row->audiences, g_array_unref);
  g_free (row);
}

void
gk_catalog_diff_free (GkCatalogDiff *diff)
{
  if (diff == NULL)
    return;
  g_free (diff->field);
  g_free (diff->old_value);
  g_free (diff->new_value);
  g_free (diff);
}

const char *
gk_catalog_diff_kind_to_string (GkCatalogDiffKind kind)
{
  switch (kind)
    {
    case GK_CATALOG_DIFF_ADDED:
      return "added";
    case GK_CATALOG_DIFF_REMOVED:
      return "removed";
    case GK_CATALOG_DIFF_CHANGED:
      return "changed";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_diff (GPtrArray         *diffs,
          GkCatalogDiffKind  kind,
          guint              number,
          const char        *field,
          const char        *old_value,
          const char        *new_value)
{
  GkCatalogDiff *diff = g_new0 (GkCatalogDiff, 1);

  diff->kind = kind;
  diff->number = number;
  diff->field = g_strdup (field);
  diff->old_value = g_strdup (old_value);
  diff->new_value = g_strdup (new_value);
  g_ptr_array_add (diffs, diff);
}

static GHashTable *
rows_by_number (GPtrArray *rows)
{
  GHashTable *table = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (table, GUINT_TO_POINTER (row->number), row);
    }
  return table;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gconstpointer *) a), y = GPOINTER_TO_UINT (*(gconstpointer *) b);

  return (x > y) - (x < y);
}

/* Rows are unique by number on each side. */
static GPtrArray *
diff_rows (GPtrArray *old_rows,
           GPtrArray *new_rows)
{
  g_autoptr(GPtrArray) diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_catalog_diff_free);
  g_autoptr(GHashTable) old_table = rows_by_number (old_rows);
  g_autoptr(GHashTable) new_table = rows_by_number (new_rows);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, old_table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (numbers, key);
  g_hash_table_iter_init (&iter, new_table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (old_table, key))
      g_ptr_array_add (numbers, key);
  g_ptr_array_sort (numbers, compare_numbers);

  for (guint i = 0; i < numbers->len; i++)
    {
      guint number = GPOINTER_TO_UINT (g_ptr_array_index (numbers, i));
      Row *old_row = g_hash_table_lookup (old_table, GUINT_TO_POINTER (number));
      Row *new_row = g_hash_table_lookup (new_table, GUINT_TO_POINTER (number));

      if (new_row == NULL)
        add_diff (diffs, GK_CATALOG_DIFF_REMOVED, number, NULL, old_row->values[1], NULL);
      else if (old_row == NULL)
        add_diff (diffs, GK_CATALOG_DIFF_ADDED, number, NULL, NULL, new_row->values[1]);
      else
        for (guint v = 0; v < G_N_ELEMENTS (old_row->values); v++)
          if (!g_str_equal (old_row->values[v], new_row->values[v]))
            add_diff (diffs, GK_CATALOG_DIFF_CHANGED, number, columns[v + 1],
                      old_row->values[v], new_row->values[v]);
    }
  return g_steal_pointer (&diffs);
}

static gboolean
is_header (Record *record)
{
  if (record->fields->len != N_COLUMNS)
    return FALSE;
  for (guint c = 0; c < N_COLUMNS; c++)
    if (!g_str_equal (g_ptr_array_index (record->fields, c), columns[c]))
      return FALSE;
  return TRUE;
}

static gboolean
parse_number (const char *text,
              guint      *number)
{
  guint64 value;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
    return FALSE;
  *number = (guint) value;
  return TRUE;
}

/* The rows of a catalog CSV taken as it is, for comparing versions: the
 * first problem, if any, is the error. */
static GPtrArray *
plain_rows (const char  *csv,
            GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  g_autoptr(GPtrArray) records = parse_csv (csv, strlen (csv), problems);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  if (problems->len == 0 && (records->len == 0 || !is_header (g_ptr_array_index (records, 0))))
    add_problem (problems, 1, _("the first line is not the header %s"), "no,category,content,responsible,audiences,cadence");

  for (guint r = 1; problems->len == 0 && r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);
      Row *row;

      if (record->fields->len != N_COLUMNS || record->bad_utf8)
        {
          add_problem (problems, record->line, _("not a catalog row"));
          break;
        }
      row = g_new0 (Row, 1);
      row->line = record->line;
      for (guint v = 0; v < G_N_ELEMENTS (row->values); v++)
        row->values[v] = g_strdup (g_ptr_array_index (record->fields, v + 1));
      g_ptr_array_add (rows, row);
      if (!parse_number (g_ptr_array_index (record->fields, 0), &row->number) ||
          !g_hash_table_add (seen, GUINT_TO_POINTER (row->number)))
        add_problem (problems, record->line, _("not a new item number"));
    }

  if (problems->len > 0)
    {
      GkCatalogImportProblem *first = g_ptr_array_index (problems, 0);

      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Cannot read the catalog CSV, line %u: %s"), first->line, first->message);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
gk_catalog_csv_diff (const char  *old_csv,
                     const char  *new_csv,
                     GError     **error)
{
  g_autoptr(GPtrArray) old_rows = NULL;
  g_autoptr(GPtrArray) new_rows = NULL;

  g_return_val_if_fail (old_csv != NULL && new_csv != NULL, NULL);

  if ((old_rows = plain_rows (old_csv, error)) == NULL ||
      (new_rows = plain_rows (new_csv, error)) == NULL)
    return NULL;
  return diff_rows (old_rows, new_rows);
}

/* ---- import ---- */

struct _GkCatalogImport
{
  GkDatabase *db;              /* gk_catalog_import_prepare()'s, for _apply() */
  gint64      catalog_id;
  gboolean    creates_categories;
  char       *base_csv;        /* the catalog as exported when prepared */
  gint64      base_revision;
  GPtrArray  *rows;            /* Row, file order, valid */
  GPtrArray  *problems;
  GPtrArray  *changes;
};

void
gk_catalog_import_free (GkCatalogImport *import)
{
  if (import == NULL)
    return;
  g_clear_object (&import->db);
  g_free (import->base_csv);
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->problems);
  g_ptr_array_unref (import->changes);
  g_free (import);
}

GPtrArray *
gk_catalog_import_get_problems (GkCatalogImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->problems;
}

GPtrArray *
gk_catalog_import_get_changes (GkCatalogImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->changes;
}

static char *
audience_name (GkDatabase *db,
               gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT name FROM audiences WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Resolves the 、-joined names of one field; every unknown or repeated
 * name is a problem. *CANONICAL gets the names as the export writes them,
 * so that a row naming 党委组织部 compares equal to one naming 组织部. */
static GArray *
resolve_names (GkDatabase   *db,
               const char   *joined,
               gint64      (*find) (GkDatabase *, const char *, GError **),
               char        *(*name_of) (GkDatabase *, gint64),
               const char   *unknown_format,
               const char   *empty_message,
               guint         line,
               GPtrArray    *problems,
               char        **canonical)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (joined, "、", -1);
  g_auto(GStrv) resolved = NULL;
  guint n_problems = problems->len;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      char *part = g_strstrip (parts[i]);
      gint64 id;

      if (*part == '\0')
        continue;
      id = find (db, part, &local_error);
      if (id == 0)
        {
          if (g_error_matches (local_error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND))
            add_problem (problems, line, unknown_format, part);
          else
            add_problem (problems, line, "%s", local_error->message);
          continue;
        }
      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == id)
          {
            add_problem (problems, line, _("“%s” is named twice"), part);
            id = 0;
          }
      if (id == 0)
        continue;
      g_array_append_val (ids, id);
      name = name_of (db, id);
      g_strv_builder_add (names, name != NULL ? name : part);
    }
  if (ids->len == 0 && problems->len == n_problems)
    add_problem (problems, line, "%s", empty_message);
  if (problems->len > n_problems)
    return NULL;

  resolved = g_strv_builder_end (names);
  *canonical = g_strjoinv ("、", resolved);
  return g_steal_pointer (&ids);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Problems in line order; a sort of GLib's that keeps equal lines in the
 * order found. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const GkCatalogImportProblem *x = *(GkCatalogImportProblem * const *) a;
  const GkCatalogImportProblem *y = *(GkCatalogImportProblem * const *) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* Checks one data record; a valid one becomes a row. */
static void
check_record (GkCatalogImport *import,
              GkDatabase      *db,
              Record          *record,
              GHashTable      *numbers)
{
  GPtrArray *problems = import->problems;
  guint n_problems = problems->len;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *responsible = NULL;
  g_autofree char *audiences = NULL;
  g_autoptr(GArray) responsible_ids = NULL;
  g_autoptr(GArray) audience_ids = NULL;
  const char *number_text, *category, *content, *cadence;
  guint number = 0;
  Row *row;

  if (record->fields->len != N_COLUMNS)
    {
      add_problem (problems, record->line, _("%u fields where %u are expected"), record->fields->len, N_COLUMNS);
      return;
    }
  if (record->bad_utf8)
    {
      add_problem (problems, record->line, _("not valid UTF-8 text (save the file as UTF-8)"));
      return;
    }
  number_text = g_ptr_array_index (record->fields, 0);
  category = g_ptr_array_index (record->fields, 1);
  content = g_ptr_array_index (record->fields, 2);
  cadence = g_ptr_array_index (record->fields, 5);

  if (!parse_number (number_text, &number))
    {
      add_problem (problems, record->line, _("“%s” is not an item number"), number_text);
    }
  else if (g_hash_table_contains (numbers, GUINT_TO_POINTER (number)))
    {
      add_problem (problems, record->line, _("number %u is also on line %u"), number,
                   GPOINTER_TO_UINT (g_hash_table_lookup (numbers, GUINT_TO_POINTER (number))));
    }
  else
    {
      g_hash_table_insert (numbers, GUINT_TO_POINTER (number), GUINT_TO_POINTER (record->line));
    }

  if (is_blank (category))
    add_problem (problems, record->line, _("no category"));
  else if (!import->creates_categories &&
           gk_catalog_find_category (db, import->catalog_id, category, &local_error) == 0)
    add_problem (problems, record->line, _("unknown category “%s”"), category);

  if (is_blank (content))
    add_problem (problems, record->line, _("empty content"));

  responsible_ids = resolve_names (db, g_ptr_array_index (record->fields, 3),
                                   gk_directory_find_organization, gk_directory_get_organization_name,
                                   _("unknown organization “%s”"), _("no responsible organization"), record->line, problems, &responsible);
  audience_ids = resolve_names (db, g_ptr_array_index (record->fields, 4),
                                gk_directory_find_audience, audience_name,
                                _("unknown audience “%s”"), _("no audience"), record->line, problems, &audiences);

  g_clear_error (&local_error);
  if (!gk_cadence_validate (cadence, &local_error))
    add_problem (problems, record->line, "%s", local_error->message);

  if (problems->len > n_problems)
    return;

  row = g_new0 (Row, 1);
  row->line = record->line;
  row->number = number;
  row->values[0] = g_strdup (category);
  row->values[1] = g_strdup (content);
  row->values[2] = g_steal_pointer (&responsible);
  row->values[3] = g_steal_pointer (&audiences);
  row->values[4] = g_strdup (cadence);
  row->responsible = g_steal_pointer (&responsible_ids);
  row->audiences = g_steal_pointer (&audience_ids);
  g_ptr_array_add (import->rows, row);
}

GkCatalogImport *
gk_catalog_import_prepare (GkDatabase  *db,
                           gint64       catalog_id,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  GkCatalogImport *import = gk_catalog_import_prepare_full (db, catalog_id, data, length,
                                                            NULL, NULL, NULL, error);

  if (import != NULL)
    import->db = g_object_ref (db);
  return import;
}

GkCatalogImport *
gk_catalog_import_prepare_full (GkDatabase               *db,
                                gint64                    catalog_id,
                                const char               *data,
                                gsize                     length,
                                GkCatalogImportProgress   progress,
                                gpointer                  progress_data,
                                GCancellable             *cancellable,
                                GError                  **error)
{
  g_autoptr(GkCatalogImport) import = g_new0 (GkCatalogImport, 1);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_auto(GStrv) categories = NULL;
  guint n_lines;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  import->catalog_id = catalog_id;
  import->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  import->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_catalog_diff_free);

  if ((categories = gk_catalog_list_categories (db, catalog_id, error)) == NULL ||
      (import->base_csv = gk_catalog_export_csv (db, catalog_id, error)) == NULL ||
      (import->base_revision = gk_catalog_last_revision (db, catalog_id, error)) < 0)
    return NULL;
  import->creates_categories = categories[0] == NULL;

  records = parse_csv (data, length, import->problems);
  if (records->len == 0 || !is_header (g_ptr_array_index (records, 0)))
    add_problem (import->problems, 1, _("the first line must be the header %s"),
                 "no,category,content,responsible,audiences,cadence");
  /* Lines, not records, as a reader counts them: the line the last
   * record starts on. */
  n_lines = records->len > 0 ? ((Record *) g_ptr_array_index (records, records->len - 1))->line : 0;
  for (guint r = 1; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      check_record (import, db, record, numbers);
      if (progress != NULL)
        progress (record->line, n_lines, progress_data);
    }

  if (import->problems->len > 0)
    {
      g_ptr_array_sort (import->problems, compare_problems);
      return g_steal_pointer (&import);
    }

  current = plain_rows (import->base_csv, error);
  if (current == NULL)
    return NULL;
  g_ptr_array_unref (import->changes);
  import->changes = diff_rows (current, import->rows);
  return g_steal_pointer (&import);
}

typedef struct
{
  GkCatalogImport         *import;
  GkCatalogImportProgress  progress;
  gpointer                 progress_data;
  GCancellable            *cancellable;
} Apply;

static gboolean
apply_in_write (GkDatabase *db,
                gpointer    user_data,
                GError    **error)
{
  Apply *apply = user_data;
  GkCatalogImport *import = apply->import;
  g_autoptr(GHashTable) rows = rows_by_number (import->rows);
  g_autoptr(GHashTable) category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *now_csv = NULL;
  guint last_number = 0;

  if (!gk_catalog_may_edit (db, import->catalog_id, gk_database_get_actor (db), error))
    return FALSE;
  now_csv = gk_catalog_export_csv (db, import->catalog_id, error);
  if (now_csv == NULL)
    return FALSE;
  if (!g_str_equal (now_csv, import->base_csv) ||
      gk_catalog_last_revision (db, import->catalog_id, NULL) != import->base_revision)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT,
                   _("The catalog was changed after the file was checked; check the import again"));
      return FALSE;
    }

  /* In file order, so that new categories take the order they first appear in. */
  for (guint i = 0; i < import->rows->len; i++)
    {
      Row *row = g_ptr_array_index (import->rows, i);
      gint64 id;

      if (g_hash_table_contains (category_ids, row->values[0]))
        continue;
      id = import->creates_categories
           ? gk_catalog_ensure_category (db, import->catalog_id, row->values[0], error)
           : gk_catalog_find_category (db, import->catalog_id, row->values[0], error);
      if (id == 0)
        return FALSE;
      g_hash_table_insert (category_ids, row->values[0], g_memdup2 (&id, sizeof id));
    }

  /* Changes come sorted by number, one or more per item. */
  for (guint i = 0; i < import->changes->len; i++)
    {
      GkCatalogDiff *diff = g_ptr_array_index (import->changes, i);
      Row *row = g_hash_table_lookup (rows, GUINT_TO_POINTER (diff->number));
      g_autoptr(GError) local_error = NULL;
      GkCatalogChange change = { 0 };
      gint64 item_id;

      /* Stopped midway: the rollback undoes what was made so far. */
      if (g_cancellable_set_error_if_cancelled (apply->cancellable, error))
        return FALSE;
      if (apply->progress != NULL)
        apply->progress (i + 1, import->changes->len, apply->progress_data);
      if (diff->number == last_number)
        continue;
      last_number = diff->number;

      item_id = gk_catalog_find_item (db, import->catalog_id, diff->number, &local_error);
      if (row != NULL)
        change = (GkCatalogChange) {
          .number = row->number,
          .category_id = *(gint64 *) g_hash_table_lookup (category_ids, row->values[0]),
          .content = row->values[1],
          .responsible = row->responsible,
          .audiences = row->audiences,
          .cadence = row->values[4],
        };

      if (diff->kind == GK_CATALOG_DIFF_REMOVED)
        change.state = GK_CATALOG_STATE_RETIRE;
      else if (diff->kind == GK_CATALOG_DIFF_ADDED && item_id != 0)
        change.state = GK_CATALOG_STATE_REACTIVATE;

      if (item_id == 0
          ? gk_catalog_insert_item (db, import->catalog_id, &change, IMPORT_REASON, error) == 0
          : !gk_catalog_revise_item (db, item_id, &change, IMPORT_REASON, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
gk_catalog_import_apply (GkCatalogImport  *import,
                         gint64            actor_id,
                         GError          **error)
{
  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (import->db != NULL, FALSE);

  return gk_catalog_import_apply_full (import, import->db, actor_id, NULL, NULL, NULL, error);
}

gboolean
gk_catalog_import_apply_full (GkCatalogImport          *import,
                              GkDatabase               *db,
                              gint64                    actor_id,
                              GkCatalogImportProgress   progress,
                              gpointer                  progress_data,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  Apply apply = { import, progress, progress_data, cancellable };

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (import->problems->len > 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u bad line; nothing was imported",
                                "The file has %u bad lines; nothing was imported",
                                import->problems->len),
                   import->problems->len);
      return FALSE;
    }

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, apply_in_write, &apply, error);
}
