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

  return g_test_run ();
}
