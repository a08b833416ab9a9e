/* gongkai-cli as scripts use it: output formats, exit codes, and errors
 * that change nothing. The exported CSV is read back with libcsv, an
 * RFC 4180 parser independent of ours. */

#include <csv.h>
#include <string.h>

#include "gk-test-util.h"

typedef struct
{
  int         status;
  char       *out;
  char       *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
cli (Run        *run,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("GONGKAI_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static int
exit_code (const Run *run)
{
  g_assert_true (WIFEXITED (run->status));
  return WEXITSTATUS (run->status);
}

/* A failed command: non-zero below 128, exactly one line on stderr. */
static void
assert_failed (const Run  *run,
               const char *message_part)
{
  int code = exit_code (run);

  g_assert_cmpint (code, >, 0);
  g_assert_cmpint (code, <, 128);
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_nonnull (strstr (run->err, message_part));
}

static char *
new_database (const char *template_name)
{
  g_auto(Run) run = { 0 };
  char *path = gk_test_tmp_path ("cli.db");

  cli (&run, "init", path, "--template", template_name, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  return path;
}

typedef struct
{
  GPtrArray *records;
  GPtrArray *fields;
} CsvRead;

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  CsvRead *read = user_data;

  g_ptr_array_add (read->fields, g_strndup (data, length));
}

static void
on_record (int   terminator,
           void *user_data)
{
  CsvRead *read = user_data;

  g_ptr_array_add (read->fields, NULL);
  g_ptr_array_add (read->records, g_ptr_array_steal (read->fields, NULL));
  read->fields = g_ptr_array_new ();
}

/* Records as NULL-terminated string arrays. */
static GPtrArray *
parse_csv (const char *text)
{
  struct csv_parser parser;
  CsvRead read = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), g_ptr_array_new () };
  size_t length = strlen (text);

  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, text, length, on_field, on_record, &read), ==, length);
  g_assert_cmpint (csv_fini (&parser, on_field, on_record, &read), ==, 0);
  csv_free (&parser);
  g_ptr_array_free (read.fields, TRUE);
  return read.records;
}

static void
test_init_and_export (void)
{
  g_autofree char *db = new_database ("jinzhong-2020");
  g_autofree char *csv_path = g_strconcat (db, ".csv", NULL);
  g_autofree char *from_file = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) to_file = { 0 };
  g_autoptr(GPtrArray) records = NULL;
  char **header, **item36;

  cli (&run, "catalog", "export", db, NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "no,category,content,responsible,audiences,cadence\r\n"));
  g_assert_true (g_utf8_validate (run.out, -1, NULL));

  records = parse_csv (run.out);
  g_assert_cmpuint (records->len, ==, 46);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 6);
  for (guint i = 1; i < records->len; i++)
    {
      char **record = g_ptr_array_index (records, i);
      g_autofree char *number = g_strdup_printf ("%u", i);

      g_assert_cmpuint (g_strv_length (record), ==, 6);
      g_assert_cmpstr (record[0], ==, number);
    }

  /* Item 1 holds a comma, so it must have been quoted to come back whole. */
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 1))[2], ==,
                   "贯彻执行中央和省委方针政策,上级党组织决议、决定的情况");
  item36 = g_ptr_array_index (records, 36);
  g_assert_cmpstr (item36[1], ==, "党风廉政建设情况");
  g_assert_cmpstr (item36[3], ==, "纪检监察办公室、计财处、工会、审计处");
  g_assert_cmpstr (item36[4], ==, "校领导班子、处以上干部");

  cli (&to_file, "catalog", "export", db, "-o", csv_path, NULL);
  g_assert_cmpint (exit_code (&to_file), ==, 0);
  g_file_get_contents (csv_path, &from_file, NULL, NULL);
  g_assert_cmpstr (from_file, ==, run.out);
}

static void
test_org_and_person (void)
{
  g_autofree char *db = new_database ("empty");
  g_auto(Run) org = { 0 };
  g_auto(Run) person = { 0 };
  g_auto(Run) export = { 0 };
  guint64 org_id = 0, person_id = 0;

  cli (&org, "org", "add", db, "计算机学院党总支", "--kind", "general-branch", "--parent", "党委",
       "--short-name", "计算机党总支", NULL);
  g_assert_cmpint (exit_code (&org), ==, 0);
  g_strchomp (org.out);
  g_assert_true (g_ascii_string_to_unsigned (org.out, 10, 1, G_MAXINT64, &org_id, NULL));

  cli (&person, "person", "add", db, "张三", "--role", "secretary@计算机党总支",
       "--role", "leader@党委", "--oversees", "组织部", "--oversees", org.out, NULL);
  g_assert_cmpint (exit_code (&person), ==, 0);
  g_strchomp (person.out);
  g_assert_true (g_ascii_string_to_unsigned (person.out, 10, 1, G_MAXINT64, &person_id, NULL));

  cli (&export, "catalog", "export", db, NULL);
  g_assert_cmpint (exit_code (&export), ==, 0);
  g_assert_cmpstr (export.out, ==, "no,category,content,responsible,audiences,cadence\r\n");
}

/* Each bad command: a clear one-line message, and the file unchanged. */
static void
test_errors_change_nothing (void)
{
  g_autofree char *db = new_database ("jinzhong-2020");
  g_autofree char *before = gk_test_file_checksum (db);
  g_autofree char *after = NULL;
  struct {
    const char *args[10];
    const char *message;
  } cases[] = {
    { { "person", "add", db, "李四", "--role", "chief@组织部", NULL }, "chief" },
    { { "person", "add", db, "李四", "--role", "principal@火星部", NULL }, "火星部" },
    { { "person", "add", db, "李四", "--role", "principal", NULL }, "ROLE@ORG" },
    { { "org", "add", db, "某部门", "--kind", "ministry", NULL }, "ministry" },
    { { "org", "add", db, "某部门", NULL }, "--kind" },
    { { "org", "add", db, "党委办公室", "--kind", "department", NULL }, "党委办公室" },
    { { "org", "add", db, "某党支部", "--kind", "branch", "--parent", "无此党总支", NULL }, "无此党总支" },
    { { "catalog", "export", db, "--org", "宣传部", NULL }, "catalog" },
    { { "catalog", "import", db, NULL }, "usage" },
    { { "init", db, NULL }, "already exists" },
    { { "backup", db, db, NULL }, "already exists" },
    { { "frobnicate", db, NULL }, "frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_auto(Run) run = { 0 };
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (argv, (char *) g_getenv ("GONGKAI_CLI"));
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (char *) cases[i].args[j]);
      g_ptr_array_add (argv, NULL);
      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                    &run.out, &run.err, &run.status, &error);
      g_assert_no_error (error);

      g_test_message ("%s %s → %s", cases[i].args[0], cases[i].args[1], run.err);
      if (g_str_equal (cases[i].args[0], "frobnicate"))
        g_assert_cmpint (exit_code (&run), ==, 2);
      else
        assert_failed (&run, cases[i].message);
      g_assert_cmpstr (run.out, ==, "");
    }

  after = gk_test_file_checksum (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_verify_and_backup (void)
{
  g_autofree char *db = new_database ("jinzhong-2020");
  g_autofree char *copy = g_strconcat (db, ".bak", NULL);
  g_autofree char *garbage = g_strconcat (db, ".txt", NULL);
  g_auto(Run) verify = { 0 };
  g_auto(Run) backup = { 0 };
  g_auto(Run) verify_copy = { 0 };
  g_auto(Run) verify_garbage = { 0 };
  g_auto(Run) verify_tampered = { 0 };
  sqlite3 *raw = NULL;

  cli (&verify, "verify", db, NULL);
  g_assert_cmpint (exit_code (&verify), ==, 0);
  g_assert_cmpstr (verify.out, ==, "ok\n");

  cli (&backup, "backup", db, copy, NULL);
  g_assert_cmpint (exit_code (&backup), ==, 0);
  cli (&verify_copy, "verify", copy, NULL);
  g_assert_cmpstr (verify_copy.out, ==, "ok\n");

  g_file_set_contents (garbage, "no,category\n1,x\n", -1, NULL);
  cli (&verify_garbage, "verify", garbage, NULL);
  assert_failed (&verify_garbage, "not an SQLite file");

  /* Change one audit event behind the app's back: verify names it. */
  g_assert_cmpint (sqlite3_open (copy, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER audit_events_no_update;"
                                      "UPDATE audit_events SET entity_id = 99 WHERE id = 7", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  cli (&verify_tampered, "verify", copy, NULL);
  g_assert_cmpint (exit_code (&verify_tampered), ==, 1);
  assert_failed (&verify_tampered, "event 7");
}

/* "key: value" lines of notice show, up to the history. */
static GHashTable *
parse_show (const char *text)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL && !g_str_equal (lines[i], "history:"); i++)
    {
      const char *colon = strstr (lines[i], ": ");

      if (colon != NULL)
        g_hash_table_insert (fields, g_strndup (lines[i], colon - lines[i]), g_strdup (colon + 2));
      else if (g_str_has_suffix (lines[i], ":"))
        g_hash_table_insert (fields, g_strndup (lines[i], strlen (lines[i]) - 1), g_strdup (""));
    }
  return fields;
}

static void
ok (const char *first,
    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("GONGKAI_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &run.status, &error);
  g_assert_no_error (error);
  if (exit_code (&run) != 0)
    g_error ("%s %s failed: %s", first, (const char *) argv->pdata[2], run.err);
}

static void
test_notice_route (void)
{
  g_autofree char *db = new_database ("jinzhong-2020");
  g_autofree char *body = g_strconcat (db, ".txt", NULL);
  g_autofree char *pdf = g_strconcat (db, ".pdf", NULL);
  g_autofree char *pdf_contents = NULL;
  g_autofree char *pdf_sha = NULL;
  g_auto(Run) created = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_autoptr(GHashTable) fields = NULL;
  g_auto(GStrv) columns = NULL;
  gsize pdf_length = 0;
  const char *keys[] = { "id", "state", "level", "org", "title", "audiences", "date", "methods",
                         "waiting-for", "approval-sha256" };

  ok ("person", "add", db, "王干事", "--role", "staff@组织部", NULL);
  ok ("person", "add", db, "刘部长", "--role", "principal@组织部", NULL);
  ok ("person", "add", db, "陈校长", "--role", "leader@党委", "--oversees", "组织部", NULL);
  g_file_set_contents (body, "现将2026年上半年党费收缴、管理和使用情况公布如下。\n一、收缴情况。应交党费均已按时足额交纳。\n", -1, NULL);

  cli (&created, "notice", "new", db, "--as", "王干事", "--org", "组织部", "--item", "21",
       "--title", "2026年上半年党费收缴情况", "--body-file", body, "--audience", "全体党员",
       "--date", "2026-07-10", "--method", "会议", NULL);
  g_assert_cmpint (exit_code (&created), ==, 0);
  g_strchomp (created.out);
  g_assert_cmpstr (created.out, ==, "1");

  ok ("notice", "submit", db, "1", "--as", "王干事", NULL);

  /* Out of turn: the leader may not approve what is not reviewed. */
  cli (&refused, "notice", "approve", db, "1", "--as", "陈校长", NULL);
  assert_failed (&refused, "刘部长");

  ok ("notice", "review", db, "1", "--as", "刘部长", "--secrecy", "ok", "--necessity", "ok",
      "--accuracy", "ok", "--risk", "low", NULL);

  cli (&list, "notice", "list", db, "--waiting-for", "陈校长", NULL);
  g_assert_cmpint (exit_code (&list), ==, 0);
  columns = g_strsplit (g_strchomp (list.out), "\t", -1);
  g_assert_cmpuint (g_strv_length (columns), ==, 4);
  g_assert_cmpstr (columns[0], ==, "1");
  g_assert_cmpstr (columns[1], ==, "reviewed");
  g_assert_cmpstr (columns[2], ==, "2026-07-10");
  g_assert_cmpstr (columns[3], ==, "2026年上半年党费收缴情况");

  ok ("notice", "approve", db, "1", "--as", "陈校长", NULL);
  ok ("notice", "export", db, "1", "-o", pdf, NULL);
  ok ("notice", "publish", db, "1", "--as", "王干事", "--date", "2026-07-12", NULL);

  cli (&show, "notice", "show", db, "1", NULL);
  g_assert_cmpint (exit_code (&show), ==, 0);
  fields = parse_show (show.out);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (g_hash_table_contains (fields, keys[i]));
  g_assert_cmpstr (g_hash_table_lookup (fields, "state"), ==, "published");
  g_assert_cmpstr (g_hash_table_lookup (fields, "level"), ==, "school");
  g_assert_cmpstr (g_hash_table_lookup (fields, "org"), ==, "组织部");
  g_assert_cmpstr (g_hash_table_lookup (fields, "date"), ==, "2026-07-12");
  g_assert_cmpstr (g_hash_table_lookup (fields, "waiting-for"), ==, "");
  g_assert_cmpuint (strlen (g_hash_table_lookup (fields, "approval-sha256")), ==, 64);
  g_assert_nonnull (strstr (show.out, "history:\n"));
  g_assert_nonnull (strstr (show.out, "\treview\tsubmitted → reviewed\t"));

  /* The exported PDF is exactly the one the approval bound. */
  g_file_get_contents (pdf, &pdf_contents, &pdf_length, NULL);
  g_assert_true (g_str_has_prefix (pdf_contents, "%PDF-"));
  pdf_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf_contents, pdf_length);
  g_assert_cmpstr (pdf_sha, ==, g_hash_table_lookup (fields, "pdf-sha256"));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;
  return n;
}

/* notice export-range: every approved and published notice of a range, a
 * file each (the bytes of notice export) or one combined PDF; an empty
 * range fails and writes nothing. */
static void
test_notice_export_range (void)
{
  g_autofree char *db = gk_test_tmp_path ("demo.db");
  g_autofree char *dir = gk_test_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "notices", NULL);
  g_autofree char *combined = g_build_filename (dir, "all.pdf", NULL);
  g_autofree char *single = g_build_filename (dir, "single.pdf", NULL);
  g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);
  g_autofree char *first_id = NULL;
  g_autofree char *first_file = NULL;
  g_autofree char *combined_contents = NULL;
  g_autofree char *single_sha = NULL;
  g_autofree char *file_sha = NULL;
  g_auto(Run) approved = { 0 };
  g_auto(Run) published = { 0 };
  g_auto(Run) to_folder = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) both = { 0 };
  g_autoptr(GDir) listing = NULL;
  g_autofree char *expected = NULL;
  const char *name;
  guint n_files = 0;

  ok ("init", db, "--template", "jinzhong-2020", "--demo", NULL);
  cli (&approved, "notice", "list", db, "--state", "approved", NULL);
  cli (&published, "notice", "list", db, "--state", "published", NULL);
  expected = g_strdup_printf ("%u\n", count_lines (approved.out) + count_lines (published.out));
  g_assert_cmpuint (count_lines (published.out), >, 0);

  cli (&to_folder, "notice", "export-range", db, "--from", "2000-01-01", "--to", "2099-12-31",
       "--folder", folder, NULL);
  g_assert_cmpint (exit_code (&to_folder), ==, 0);
  g_assert_cmpstr (to_folder.out, ==, expected);
  listing = g_dir_open (folder, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_has_suffix (name, ".pdf"));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, count_lines (approved.out) + count_lines (published.out));

  /* A notice's file is the one notice export writes. */
  first_id = g_strndup (published.out, strcspn (published.out, "\t"));
  ok ("notice", "export", db, first_id, "-o", single, NULL);
  g_dir_rewind (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, first_id) && name[strlen (first_id)] == ' ')
      first_file = g_build_filename (folder, name, NULL);
  g_assert_nonnull (first_file);
  single_sha = gk_test_file_checksum (single);
  file_sha = gk_test_file_checksum (first_file);
  g_assert_cmpstr (file_sha, ==, single_sha);

  cli (&to_file, "notice", "export-range", db, "--from", "2000-01-01", "--to", "2099-12-31", "-o", combined, NULL);
  g_assert_cmpint (exit_code (&to_file), ==, 0);
  g_assert_cmpstr (to_file.out, ==, expected);
  g_assert_true (g_file_get_contents (combined, &combined_contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (combined_contents, "%PDF-"));

  cli (&empty, "notice", "export-range", db, "--from", "2000-01-01", "--to", "2000-12-31", "-o", nothing, NULL);
  assert_failed (&empty, "2000-01-01");
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));

  cli (&both, "notice", "export-range", db, "--from", "2000-01-01", "--to", "2099-12-31", "-o", nothing,
       "--folder", folder, NULL);
  g_assert_cmpint (exit_code (&both), ==, 2);
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
}

static void
test_holidays_and_workday (void)
{
  g_autofree char *db = new_database ("empty");
  g_autofree char *tsv = g_strconcat (db, ".tsv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) bad = { 0 };
  g_auto(Run) workday = { 0 };
  g_auto(Run) after_import = { 0 };

  g_file_set_contents (tsv, "# 2027\n2027-01-01\tholiday\t元旦\n2027-13-01\tholiday\t?\n", -1, NULL);
  before = gk_test_file_checksum (db);
  cli (&bad, "holidays", "import", db, tsv, NULL);
  assert_failed (&bad, "Line 3");
  after = gk_test_file_checksum (db);
  g_assert_cmpstr (before, ==, after);

  /* The shipped calendar: Spring Festival 2026 with its make-up Saturday. */
  cli (&workday, "workday", db, "2026-02-13", "2", NULL);
  g_assert_cmpstr (workday.out, ==, "2026-02-24\n");

  g_file_set_contents (tsv, "2027-03-05\tholiday\t测试\n", -1, NULL);
  ok ("holidays", "import", db, tsv, NULL);
  cli (&after_import, "workday", db, "2027-03-04", "1", NULL);
  g_assert_cmpstr (after_import.out, ==, "2027-03-08\n");
}

/* Rows of calendar output, each split into its columns. */
static GPtrArray *
calendar_rows (const char *out,
               guint       n_columns)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_true (g_str_has_suffix (out, "\n"));
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      char **columns = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (columns), ==, n_columns);
      if (rows->len > 0)
        g_assert_cmpstr (((char **) g_ptr_array_index (rows, rows->len - 1))[0], <=, columns[0]);
      g_ptr_array_add (rows, columns);
    }
  return g_steal_pointer (&rows);
}

static void
test_calendar (void)
{
  g_autofree char *db = new_database ("jinzhong-2020");
  g_autofree char *ics = g_strconcat (db, ".ics", NULL);
  g_autofree char *ics_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) explained = NULL;
  g_auto(Run) list = { 0 };
  g_auto(Run) explain = { 0 };
  g_auto(Run) event = { 0 };
  g_auto(Run) org = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) waived = { 0 };
  gboolean found = FALSE;

  /* due-date, item-no, organization, period, status; by due date. */
  cli (&list, "calendar", db, "--from", "2026-01-01", "--to", "2026-12-31", "--today", "2026-03-10", NULL);
  g_assert_cmpint (exit_code (&list), ==, 0);
  rows = calendar_rows (list.out, 5);
  /* 2026 in the template: half-yearly 12, 21, 30 (2025-H2, 2026-H1) 6,
   * yearly-after:01-31 14, yearly-after:03-31 3, yearly:03-31 5; no events
   * yet, so no on-event obligations. */
  g_assert_cmpuint (rows->len, ==, 28);
  g_assert_nonnull (strstr (list.out, "2026-01-15\t21\t组织部\t2025-H2\toverdue\n"));
  g_assert_nonnull (strstr (list.out, "2026-07-14\t21\t组织部\t2026-H1\topen\n"));
  g_assert_nonnull (strstr (list.out, "2026-01-31\t6\t党办\t2025\toverdue\n"));

  /* --explain adds how the due date was computed. */
  cli (&explain, "calendar", db, "--from", "2026-01-01", "--to", "2026-01-31", "--today", "2026-03-10", "--explain", NULL);
  g_assert_cmpint (exit_code (&explain), ==, 0);
  explained = calendar_rows (explain.out, 6);
  for (guint i = 0; i < explained->len; i++)
    {
      char **columns = g_ptr_array_index (explained, i);

      if (g_str_equal (columns[1], "21"))
        {
          g_assert_cmpstr (columns[5], ==, "10 working days after the period 2025-H2 ends on 2025-12-31: "
                                           "skips 元旦 2026-01-01…01-03, counts the make-up working day 2026-01-04");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* An event starts an on-event obligation: item 14, on-event:5, across
   * the Spring Festival. */
  ok ("person", "add", db, "李老师", "--role", "staff@学工部(处)", NULL);
  ok ("person", "add", db, "孙主任", "--role", "party-office@党办", NULL);
  cli (&event, "calendar", "event", db, "14", "--date", "2026-02-12", "--as", "李老师",
       "--description", "奖学金评审结果确定", NULL);
  g_assert_cmpint (exit_code (&event), ==, 0);
  g_assert_cmpstr (event.out, ==, "1\n");
  cli (&org, "calendar", db, "--org", "学工部(处)", "--from", "2026-02-01", "--to", "2026-02-28", "--today", "2026-02-25", NULL);
  g_assert_cmpint (exit_code (&org), ==, 0);
  g_assert_cmpstr (org.out, ==, "2026-02-26\t14\t学工部(处)\tevent:1\tdue-soon\n");

  /* Only party office or the unit's principal waives; a refusal changes nothing. */
  before = gk_test_file_checksum (db);
  cli (&refused, "calendar", "waive", db, "12", "--rule", "half-yearly", "--period", "2026-H1",
       "--as", "李老师", "--reason", "并入全年", NULL);
  assert_failed (&refused, "principal");
  cli (&usage, "calendar", "waive", db, "12", "--as", "孙主任", NULL);
  g_assert_cmpint (exit_code (&usage), ==, 2);
  cli (&bad_date, "calendar", db, "--from", "2026-13-01", NULL);
  assert_failed (&bad_date, "2026-13-01");
  after = gk_test_file_checksum (db);
  g_assert_cmpstr (before, ==, after);

  ok ("calendar", "waive", db, "12", "--rule", "half-yearly", "--period", "2026-H1",
      "--as", "孙主任", "--reason", "并入全年", NULL);
  cli (&waived, "calendar", db, "--org", "学工部(处)", "--from", "2026-07-01", "--to", "2026-07-31", "--today", "2026-08-01", NULL);
  g_assert_cmpstr (waived.out, ==, "2026-07-14\t12\t学工部(处)、宣传部\t2026-H1\twaived\n");

  /* --ics writes iCalendar instead. */
  ok ("calendar", db, "--from", "2026-01-01", "--to", "2026-12-31", "--ics", ics, NULL);
  g_file_get_contents (ics, &ics_text, NULL, NULL);
  g_assert_true (g_str_has_prefix (ics_text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (ics_text, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics_text, "UID:obligation-"));
  g_assert_nonnull (strstr (ics_text, "STATUS:CANCELLED\r\n"));
}

static char **
tab_lines (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  return g_strsplit (g_strchomp (copy), "\n", -1);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (new, parts);
}

static void
test_catalog_edit_file_checklist (void)
{
  g_autofree char *db = new_database ("jinzhong-2020");
  g_auto(Run) history = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) filed = { 0 };
  g_auto(Run) filing = { 0 };
  g_auto(Run) diff = { 0 };
  g_auto(Run) checklist = { 0 };
  g_auto(Run) created = { 0 };
  g_auto(Run) branch_checklist = { 0 };
  g_auto(Run) branch_export = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) columns = NULL;
  g_autoptr(GPtrArray) records = NULL;

  ok ("person", "add", db, "孙主任", "--role", "party-office@党办", NULL);
  ok ("catalog", "edit", db, "21", "--as", "孙主任", "--reason", "向全体党员公开", "--audiences", "基层党组织、全体党员", NULL);

  cli (&no_reason, "catalog", "edit", db, "21", "--as", "孙主任", "--cadence", "monthly", NULL);
  assert_failed (&no_reason, "reason");

  cli (&history, "catalog", "history", db, "21", NULL);
  g_assert_cmpint (exit_code (&history), ==, 0);
  columns = g_strsplit (g_strchomp (history.out), "\t", -1);
  g_assert_cmpuint (g_strv_length (columns), ==, 5);
  g_assert_cmpstr (columns[1], ==, "孙主任");
  g_assert_cmpstr (columns[2], ==, "audiences");
  g_assert_cmpstr (columns[3], ==, "基层党组织 → 基层党组织、全体党员");
  g_assert_cmpstr (columns[4], ==, "向全体党员公开");

  cli (&filed, "catalog", "file", db, "--as", "孙主任", NULL);
  g_assert_cmpint (exit_code (&filed), ==, 0);
  g_assert_cmpstr (filed.out, ==, "1\n");

  ok ("catalog", "retire", db, "45", "--as", "孙主任", "--reason", "并入第43项", NULL);
  cli (&filing, "catalog", "filing", db, NULL);
  g_assert_cmpint (exit_code (&filing), ==, 0);
  g_assert_nonnull (strstr (filing.out, "filed-by: 孙主任\n"));
  g_assert_nonnull (strstr (filing.out, "changes-since: 1\n"));
  cli (&diff, "catalog", "diff", db, NULL);
  g_assert_cmpint (exit_code (&diff), ==, 0);
  g_assert_cmpstr (diff.out, ==, "removed\t45\t社会治安综合治理考评结果\n");

  cli (&checklist, "catalog", "checklist", db, NULL);
  g_assert_cmpint (exit_code (&checklist), ==, 0);
  lines = tab_lines (checklist.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  g_assert_true (g_str_has_prefix (lines[4], "第八条（五）\tcovered\t"));
  g_assert_nonnull (strstr (lines[4], ",21,"));
  g_assert_cmpstr (lines[8], ==, "第八条（九）\tgap\t\t党内制度建设");

  /* A general branch's secretary starts its catalog from 第九条. */
  ok ("org", "add", db, "计算机学院党总支", "--kind", "general-branch", "--parent", "党委",
      "--short-name", "计算机党总支", NULL);
  ok ("person", "add", db, "赵书记", "--role", "secretary@计算机党总支", NULL);
  cli (&refused, "catalog", "new", db, "--org", "计算机党总支", "--as", "孙主任的同事", NULL);
  assert_failed (&refused, "孙主任的同事");
  cli (&created, "catalog", "new", db, "--org", "计算机党总支", "--as", "赵书记", NULL);
  g_assert_cmpint (exit_code (&created), ==, 0);
  g_assert_cmpstr (created.out, ==, "2\n");
  ok ("catalog", "add-category", db, "师德师风建设情况", "--org", "计算机党总支", "--as", "赵书记",
      "--reason", "本单位重点工作", NULL);
  ok ("catalog", "add", db, "--org", "计算机党总支", "--as", "赵书记", "--reason", "本单位重点工作",
      "--number", "10", "--category", "师德师风建设情况", "--content", "师德师风建设年度情况",
      "--responsible", "计算机党总支", "--audiences", "相关党组织党员、全校师生", "--cadence", "yearly-after:01-31", NULL);

  cli (&branch_export, "catalog", "export", db, "--org", "计算机党总支", NULL);
  records = parse_csv (branch_export.out);
  g_assert_cmpuint (records->len, ==, 11);
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 10))[4], ==, "相关党组织党员、全校师生");

  cli (&branch_checklist, "catalog", "checklist", db, "--org", "计算机党总支", NULL);
  g_assert_cmpint (exit_code (&branch_checklist), ==, 0);
  g_assert_null (strstr (branch_checklist.out, "\tgap\t"));
  g_assert_nonnull (strstr (branch_checklist.out, "第九条（五）\tcovered\t5\t"));
}

/* A file of good and bad rows: every bad line on stderr, the summary last,
 * nothing changed; a good file previewed, then applied. */
static void
test_catalog_import (void)
{
  g_autofree char *db = new_database ("jinzhong-2020");
  g_autofree char *bad = g_strconcat (db, ".bad.csv", NULL);
  g_autofree char *good = g_strconcat (db, ".good.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *with_21 = NULL;
  g_autofree char *row_45 = NULL;
  const char *start_45;
  g_autofree char *edited = NULL;
  g_auto(Run) original = { 0 };
  g_auto(Run) rejected = { 0 };
  g_auto(Run) preview = { 0 };
  g_auto(Run) without_person = { 0 };
  g_auto(Run) applied = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(GStrv) errors = NULL;
  const char *expected =
    "changed\t21\tcontent\t党费收缴、管理和使用情况\t党费收缴、管理和使用情况,\\n含补交\n"
    "removed\t45\t社会治安综合治理考评结果\n";

  ok ("person", "add", db, "孙主任", "--role", "party-office@党办", NULL);
  cli (&original, "catalog", "export", db, NULL);
  g_file_set_contents (bad,
                       "no,category,content,responsible,audiences,cadence\r\n"
                       "1,党组织决议、决定及执行情况,\"贯彻执行中央和省委方针政策,上级党组织决议、决定的情况\",党办,全体党员、全校师生,on-event:20;yearly-after:01-31\r\n"
                       "2,党组织决议、决定及执行情况,只有三列\r\n"
                       "3,党组织决议、决定及执行情况,\"多行\r\n内容\",火星部,全体党员,once\r\n"
                       "4,党组织决议、决定及执行情况,新内容,党办,全体党员,weekly\r\n",
                       -1, NULL);

  before = gk_test_file_checksum (db);
  cli (&rejected, "catalog", "import", db, bad, "--as", "孙主任", NULL);
  g_assert_cmpint (exit_code (&rejected), ==, 1);
  g_assert_cmpstr (rejected.out, ==, "");
  errors = tab_lines (rejected.err);
  g_assert_cmpuint (g_strv_length (errors), ==, 4);
  g_assert_true (g_str_has_prefix (errors[0], "line 3: "));
  g_assert_true (g_str_has_prefix (errors[1], "line 4: "));
  g_assert_nonnull (strstr (errors[1], "火星部"));
  g_assert_true (g_str_has_prefix (errors[2], "line 6: "));
  g_assert_nonnull (strstr (errors[3], "nothing was imported"));
  after = gk_test_file_checksum (db);
  g_assert_cmpstr (after, ==, before);

  /* Item 21 with a comma and a line break in its content, item 45 gone. */
  with_21 = replace_once (original.out, "\r\n21,党的组织建设情况,党费收缴、管理和使用情况,",
                          "\r\n21,党的组织建设情况,\"党费收缴、管理和使用情况,\n含补交\",");
  start_45 = strstr (with_21, "\r\n45,") + 2;
  row_45 = g_strndup (start_45, strstr (start_45, "\r\n") + 2 - start_45);
  edited = replace_once (with_21, row_45, "");
  g_file_set_contents (good, edited, -1, NULL);

  cli (&preview, "catalog", "import", db, good, "--dry-run", NULL);
  g_assert_cmpint (exit_code (&preview), ==, 0);
  g_assert_cmpstr (preview.out, ==, expected);
  g_free (after);
  after = gk_test_file_checksum (db);
  g_assert_cmpstr (after, ==, before);

  cli (&without_person, "catalog", "import", db, good, NULL);
  assert_failed (&without_person, "--as");

  cli (&applied, "catalog", "import", db, good, "--as", "孙主任", NULL);
  g_assert_cmpint (exit_code (&applied), ==, 0);
  g_assert_cmpstr (applied.out, ==, expected);
  cli (&exported, "catalog", "export", db, NULL);
  g_assert_cmpstr (exported.out, ==, edited);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("GONGKAI_CLI") == NULL)
    g_error ("GONGKAI_CLI must name the gongkai-cli executable under test");

  g_test_add_func ("/cli/init-and-export", test_init_and_export);
  g_test_add_func ("/cli/org-and-person", test_org_and_person);
  g_test_add_func ("/cli/errors-change-nothing", test_errors_change_nothing);
  g_test_add_func ("/cli/verify-and-backup", test_verify_and_backup);
  g_test_add_func ("/cli/notice-route", test_notice_route);
  g_test_add_func ("/cli/notice-export-range", test_notice_export_range);
  g_test_add_func ("/cli/holidays-and-workday", test_holidays_and_workday);
  g_test_add_func ("/cli/calendar", test_calendar);
  g_test_add_func ("/cli/catalog-edit-file-checklist", test_catalog_edit_file_checklist);
  g_test_add_func ("/cli/catalog-import", test_catalog_import);

  return g_test_run ();
}
