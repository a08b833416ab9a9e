/* catalog export|import|history|file|filing|diff|checklist|add|edit|retire|
 *         reactivate|new|add-category|print
 *
 * Listings are one record a line, tab-separated; a tab, a line break or a
 * backslash inside a value is written \t, \n, \r or \\ so that a record
 * stays on its line. Changes (import, diff) read
 *   added    NO      CONTENT
 *   removed  NO      CONTENT
 *   changed  NO  FIELD  OLD  NEW
 * A rejected import prints "line N: problem" on stderr for every problem
 * of the file, then the usual one-line error as its last line.
 */

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-checklist.h"
#include "core/gk-catalog-csv.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-filing.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "pdf/gk-catalog-print.h"

#define ORG_OPTION(var) \
  { "org", 0, 0, G_OPTION_ARG_STRING, &var, N_("Whose catalog (default: the school committee's)"), N_("ORG") }
#define AS_OPTION(var) \
  { "as", 0, 0, G_OPTION_ARG_STRING, &var, N_("Who makes the change"), N_("PERSON") }
#define REASON_OPTION(var) \
  { "reason", 0, 0, G_OPTION_ARG_STRING, &var, N_("Why (kept in the item's history)"), N_("REASON") }

/* A value on a tab-separated line. */
static char *
tsv (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
print_changes (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      GkCatalogDiff *diff = g_ptr_array_index (changes, i);
      g_autofree char *field = tsv (diff->field);
      g_autofree char *old_value = tsv (diff->old_value);
      g_autofree char *new_value = tsv (diff->new_value);

      if (diff->kind == GK_CATALOG_DIFF_CHANGED)
        printf ("%s\t%u\t%s\t%s\t%s\n", gk_catalog_diff_kind_to_string (diff->kind), diff->number,
                field, old_value, new_value);
      else
        printf ("%s\t%u\t%s\n", gk_catalog_diff_kind_to_string (diff->kind), diff->number,
                diff->kind == GK_CATALOG_DIFF_ADDED ? new_value : old_value);
    }
}

static gint64
find_catalog (GkDatabase  *db,
              const char  *org,
              GError     **error)
{
  gint64 org_id;

  if (org == NULL)
    return gk_catalog_get_default (db, error);
  org_id = gk_directory_find_organization (db, org, error);
  if (org_id == 0)
    return 0;
  return gk_catalog_get_for_organization (db, org_id, error);
}

/* For the commands that take DB and --org alone (USAGE): opens DB into
 * *DB and returns the id of the catalog, or 0. */
static gint64
open_catalog (int          *argc,
              char       ***argv,
              const char   *usage,
              GkDatabase  **db,
              GError      **error)
{
  g_autofree char *org = NULL;
  const GOptionEntry options[] = { ORG_OPTION (org), { NULL } };

  if (!gk_cli_parse (argc, argv, options, usage, 1, error) ||
      (*db = gk_cli_open ((*argv)[1], error)) == NULL)
    return 0;
  return find_catalog (*db, org, error);
}

static gint64
find_actor (GkDatabase  *db,
            const char  *as,
            GError     **error)
{
  if (as == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--as PERSON is required: who makes the change?"));
      return 0;
    }
  return gk_directory_find_person (db, as, error);
}

static gboolean
parse_number (const char  *text,
              guint       *number,
              GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%s” is not an item number"), text);
      return FALSE;
    }
  *number = (guint) value;
  return TRUE;
}

/* The ids of 、-joined names; NULL for no option at all. */
static GArray *
resolve_names (GkDatabase   *db,
               const char   *joined,
               gint64      (*find) (GkDatabase *, const char *, GError **),
               gboolean     *failed,
               GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;

  if (joined == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  names = g_strsplit (joined, "、", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gint64 id;

      if (*g_strstrip (names[i]) == '\0')
        continue;
      if ((id = find (db, names[i], error)) == 0)
        {
          *failed = TRUE;
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
catalog_export (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 catalog_id;
  const GOptionEntry options[] = {
    ORG_OPTION (org),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "catalog export DB [--org ORG] [-o FILE]", 1, error) ||
      (db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, org, error)) == 0)
    return FALSE;

  csv = gk_catalog_export_csv (db, catalog_id, error);
  return csv != NULL && gk_cli_write_output (output, csv, error);
}

#define IMPORT_USAGE "catalog import DB FILE [--org ORG] [--as PERSON] [--dry-run]"

static gboolean
catalog_import (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *as = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkCatalogImport) import = NULL;
  g_autoptr(GError) read_error = NULL;
  gboolean dry_run = FALSE;
  GPtrArray *problems;
  gint64 catalog_id, actor_id = 0;
  gsize length = 0;
  const GOptionEntry options[] = {
    ORG_OPTION (org),
    AS_OPTION (as),
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file and show the changes without making them"), NULL },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, IMPORT_USAGE, 2, error) ||
      (db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, org, error)) == 0 ||
      (!dry_run && (actor_id = find_actor (db, as, error)) == 0))
    return FALSE;

  if (!g_file_get_contents (argv[2], &contents, &length, &read_error))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_IO, _("Cannot read “%s”: %s"), argv[2], read_error->message);
      return FALSE;
    }
  import = gk_catalog_import_prepare (db, catalog_id, contents, length, error);
  if (import == NULL)
    return FALSE;

  problems = gk_catalog_import_get_problems (import);
  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          GkCatalogImportProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *message = tsv (problem->message);

          fprintf (stderr, _("line %u: %s\n"), problem->line, message);
        }
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %u problem; nothing was imported",
                                "“%s” has %u problems; nothing was imported",
                                problems->len),
                   argv[2], problems->len);
      return FALSE;
    }

  if (!dry_run && !gk_catalog_import_apply (import, actor_id, error))
    return FALSE;
  print_changes (gk_catalog_import_get_changes (import));
  return TRUE;
}

static gboolean
catalog_history (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *org = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  gint64 catalog_id, item_id;
  guint number;
  const GOptionEntry options[] = { ORG_OPTION (org), { NULL } };

  if (!gk_cli_parse (&argc, &argv, options, "catalog history DB NO [--org ORG]", 2, error) ||
      !parse_number (argv[2], &number, error) ||
      (db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, org, error)) == 0 ||
      (item_id = gk_catalog_find_item (db, catalog_id, number, error)) == 0 ||
      (revisions = gk_catalog_history (db, item_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < revisions->len; i++)
    {
      GkCatalogRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *person = tsv (revision->person);
      g_autofree char *old_value = tsv (revision->old_value);
      g_autofree char *new_value = tsv (revision->new_value);
      g_autofree char *reason = tsv (revision->reason);

      printf ("%s\t%s\t%s\t%s → %s\t%s\n", revision->at, person, revision->field, old_value, new_value, reason);
    }
  return TRUE;
}

static gboolean
catalog_file (int      argc,
              char   **argv,
              GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *as = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 catalog_id, actor_id, filing_id;
  const GOptionEntry options[] = {
    ORG_OPTION (org),
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("Who files it (party office)"), N_("PERSON") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note kept with the filing"), N_("TEXT") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "catalog file DB --as PERSON [--org ORG] [--note TEXT]", 1, error) ||
      (db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, org, error)) == 0 ||
      (actor_id = find_actor (db, as, error)) == 0 ||
      (filing_id = gk_catalog_file (db, actor_id, catalog_id, note, error)) == 0)
    return FALSE;

  printf ("%" PRId64 "\n", filing_id);
  return TRUE;
}

static gboolean
catalog_filing (int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkCatalogFiling) filing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *note = NULL;
  gint64 catalog_id;

  if ((catalog_id = open_catalog (&argc, &argv, "catalog filing DB [--org ORG]", &db, error)) == 0)
    return FALSE;

  filing = gk_catalog_last_filing (db, catalog_id, &local_error);
  if (filing == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, _("The catalog has never been filed"));
      return FALSE;
    }

  note = tsv (filing->note);
  printf ("id: %" PRId64 "\nfiled-at: %s\nfiled-by: %s\nsha256: %s\nchanges-since: %u\nnote: %s\n",
          filing->id, filing->filed_at, filing->filed_by_name, filing->sha256, filing->changes_since, note);
  return TRUE;
}

static gboolean
catalog_diff (int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 catalog_id;

  if ((catalog_id = open_catalog (&argc, &argv, "catalog diff DB [--org ORG]", &db, error)) == 0 ||
      (changes = gk_catalog_diff_filed (db, catalog_id, error)) == NULL)
    return FALSE;

  print_changes (changes);
  return TRUE;
}

static gboolean
catalog_checklist (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 catalog_id;

  if ((catalog_id = open_catalog (&argc, &argv, "catalog checklist DB [--org ORG]", &db, error)) == 0 ||
      (entries = gk_catalog_checklist (db, catalog_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      GkChecklistEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *label = gk_requirement_label (entry->requirement);
      g_autoptr(GString) numbers = g_string_new (NULL);

      for (guint n = 0; n < entry->numbers->len; n++)
        g_string_append_printf (numbers, "%s%u", n > 0 ? "," : "", g_array_index (entry->numbers, guint, n));
      printf ("%s\t%s\t%s\t%s\n", label, entry->gap ? "gap" : entry->numbers->len > 0 ? "covered" : "none",
              numbers->str, entry->requirement->title);
    }
  return TRUE;
}

/* The fields of add and edit. */
typedef struct
{
  char *org;
  char *as;
  char *reason;
  char *content;
  char *responsible;
  char *audiences;
  char *cadence;
  char *category;
  int   number;
} ItemOptions;

static void
item_options_clear (ItemOptions *options)
{
  g_free (options->org);
  g_free (options->as);
  g_free (options->reason);
  g_free (options->content);
  g_free (options->responsible);
  g_free (options->audiences);
  g_free (options->cadence);
  g_free (options->category);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemOptions, item_options_clear)

#define ITEM_OPTIONS(o) \
  ORG_OPTION (o.org), AS_OPTION (o.as), REASON_OPTION (o.reason), \
  { "number", 0, 0, G_OPTION_ARG_INT, &o.number, N_("The item's number"), N_("N") }, \
  { "category", 0, 0, G_OPTION_ARG_STRING, &o.category, N_("Its category, by name"), N_("CATEGORY") }, \
  { "content", 0, 0, G_OPTION_ARG_STRING, &o.content, N_("What is disclosed (内容)"), N_("TEXT") }, \
  { "responsible", 0, 0, G_OPTION_ARG_STRING, &o.responsible, N_("Responsible organizations, joined with 、"), N_("ORG、ORG") }, \
  { "audiences", 0, 0, G_OPTION_ARG_STRING, &o.audiences, N_("Audiences, joined with 、"), N_("AUDIENCE、AUDIENCE") }, \
  { "cadence", 0, 0, G_OPTION_ARG_STRING, &o.cadence, N_("How often (once, on-event:N, yearly:MM-DD …)"), N_("CADENCE") }, \
  { NULL }

/* Resolves the options into a change; the arrays it fills belong to the caller. */
static gboolean
item_change (GkDatabase         *db,
             gint64              catalog_id,
             const ItemOptions  *options,
             GkCatalogChange    *change,
             GError            **error)
{
  gboolean failed = FALSE;

  if (options->number < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“%d” is not an item number"), options->number);
      return FALSE;
    }
  *change = (GkCatalogChange) {
    .number = (guint) options->number,
    .content = options->content,
    .cadence = options->cadence,
  };
  if (options->category != NULL &&
      (change->category_id = gk_catalog_find_category (db, catalog_id, options->category, error)) == 0)
    return FALSE;
  change->responsible = resolve_names (db, options->responsible, gk_directory_find_organization, &failed, error);
  if (!failed)
    change->audiences = resolve_names (db, options->audiences, gk_directory_find_audience, &failed, error);
  return !failed;
}

static void
item_change_clear (GkCatalogChange *change)
{
  g_clear_pointer (&change->responsible, g_array_unref);
  g_clear_pointer (&change->audiences, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GkCatalogChange, item_change_clear)

#define ADD_USAGE "catalog add DB --as PERSON --reason R --number N --category C --content TEXT" \
                  " --responsible ORG、… --audiences AUDIENCE、… --cadence CADENCE [--org ORG]"

static gboolean
catalog_add (int      argc,
             char   **argv,
             GError **error)
{
  g_auto(ItemOptions) o = { 0 };
  g_auto(GkCatalogChange) change = { 0 };
  g_autoptr(GkDatabase) db = NULL;
  gint64 catalog_id, actor_id, item_id;
  const GOptionEntry options[] = { ITEM_OPTIONS (o) };

  if (!gk_cli_parse (&argc, &argv, options, ADD_USAGE, 1, error) ||
      (db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, o.org, error)) == 0 ||
      (actor_id = find_actor (db, o.as, error)) == 0 ||
      !item_change (db, catalog_id, &o, &change, error) ||
      (item_id = gk_catalog_edit_add_item (db, actor_id, catalog_id, &change, o.reason, error)) == 0)
    return FALSE;

  printf ("%" PRId64 "\n", item_id);
  return TRUE;
}

#define EDIT_USAGE "catalog edit DB NO --as PERSON --reason R [--content TEXT] [--responsible ORG、…]" \
                   " [--audiences AUDIENCE、…] [--cadence CADENCE] [--number N] [--category C] [--org ORG]"

static gboolean
catalog_edit (int      argc,
              char   **argv,
              GError **error)
{
  g_auto(ItemOptions) o = { 0 };
  g_auto(GkCatalogChange) change = { 0 };
  g_autoptr(GkDatabase) db = NULL;
  gint64 catalog_id, actor_id, item_id;
  guint number;
  const GOptionEntry options[] = { ITEM_OPTIONS (o) };

  /* A command line is one look and one change: no row version to hold. */
  return gk_cli_parse (&argc, &argv, options, EDIT_USAGE, 2, error) &&
         parse_number (argv[2], &number, error) &&
         (db = gk_cli_open (argv[1], error)) != NULL &&
         (catalog_id = find_catalog (db, o.org, error)) != 0 &&
         (actor_id = find_actor (db, o.as, error)) != 0 &&
         (item_id = gk_catalog_find_item (db, catalog_id, number, error)) != 0 &&
         item_change (db, catalog_id, &o, &change, error) &&
         gk_catalog_edit_item (db, actor_id, item_id, 0, &change, o.reason, error);
}

/* retire and reactivate */
static gboolean
catalog_set_state (int      argc,
                   char   **argv,
                   GError **error)
{
  gboolean retire = g_str_equal (argv[0], "retire");
  g_autofree char *org = NULL;
  g_autofree char *as = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *usage = g_strdup_printf ("catalog %s DB NO --as PERSON --reason R [--org ORG]", argv[0]);
  g_autoptr(GkDatabase) db = NULL;
  gint64 catalog_id, actor_id, item_id;
  guint number;
  const GOptionEntry options[] = { ORG_OPTION (org), AS_OPTION (as), REASON_OPTION (reason), { NULL } };

  if (!gk_cli_parse (&argc, &argv, options, usage, 2, error) ||
      !parse_number (argv[2], &number, error) ||
      (db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, org, error)) == 0 ||
      (actor_id = find_actor (db, as, error)) == 0 ||
      (item_id = gk_catalog_find_item (db, catalog_id, number, error)) == 0)
    return FALSE;

  return retire ? gk_catalog_edit_retire (db, actor_id, item_id, 0, reason, error)
                : gk_catalog_edit_reactivate (db, actor_id, item_id, 0, reason, error);
}

static gboolean
catalog_new (int      argc,
             char   **argv,
             GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *as = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 org_id, actor_id, catalog_id;
  const GOptionEntry options[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The general branch, branch or discipline commission"), N_("ORG") },
    AS_OPTION (as),
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "catalog new DB --org ORG --as PERSON", 1, error))
    return FALSE;
  if (org == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--org ORG is required: whose catalog?"));
      return FALSE;
    }
  if ((db = gk_cli_open (argv[1], error)) == NULL ||
      (org_id = gk_directory_find_organization (db, org, error)) == 0 ||
      (actor_id = find_actor (db, as, error)) == 0 ||
      (catalog_id = gk_catalog_edit_create_catalog (db, actor_id, org_id, error)) == 0)
    return FALSE;

  printf ("%" PRId64 "\n", catalog_id);
  return TRUE;
}

static gboolean
catalog_add_category (int      argc,
                      char   **argv,
                      GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *as = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GkDatabase) db = NULL;
  gint64 catalog_id, actor_id, category_id;
  const GOptionEntry options[] = { ORG_OPTION (org), AS_OPTION (as), REASON_OPTION (reason), { NULL } };

  if (!gk_cli_parse (&argc, &argv, options, "catalog add-category DB NAME --as PERSON --reason R [--org ORG]", 2, error) ||
      (db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, org, error)) == 0 ||
      (actor_id = find_actor (db, as, error)) == 0 ||
      (category_id = gk_catalog_edit_add_category (db, actor_id, catalog_id, argv[2], reason, error)) == 0)
    return FALSE;

  printf ("%" PRId64 "\n", category_id);
  return TRUE;
}

static gboolean
catalog_print (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *org = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GkCatalogRenderer) renderer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  GkCatalogTable *table;
  gint64 catalog_id;
  const GOptionEntry options[] = {
    ORG_OPTION (org),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };

  if (!gk_cli_parse (&argc, &argv, options, "catalog print DB [--org ORG] -o FILE.pdf", 1, error))
    return FALSE;
  if (output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("-o FILE.pdf is required"));
      return FALSE;
    }
  if ((db = gk_cli_open (argv[1], error)) == NULL ||
      (catalog_id = find_catalog (db, org, error)) == 0 ||
      (table = gk_catalog_print_table (db, catalog_id, error)) == NULL)
    return FALSE;

  renderer = gk_catalog_renderer_new (table);
  pdf = gk_catalog_renderer_render_pdf (renderer, error);
  return pdf != NULL &&
         g_file_set_contents (output, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), error);
}

gboolean
gk_cli_catalog (int      argc,
                char   **argv,
                GError **error)
{
  static const GkCliVerb verbs[] = {
    { "export", catalog_export },
    { "import", catalog_import },
    { "history", catalog_history },
    { "file", catalog_file },
    { "filing", catalog_filing },
    { "diff", catalog_diff },
    { "checklist", catalog_checklist },
    { "add", catalog_add },
    { "edit", catalog_edit },
    { "retire", catalog_set_state },
    { "reactivate", catalog_set_state },
    { "new", catalog_new },
    { "add-category", catalog_add_category },
    { "print", catalog_print },
  };

  return gk_cli_run_verb (argc, argv, verbs, G_N_ELEMENTS (verbs),
                          _("usage: gongkai-cli catalog export|import|history|file|filing|diff|checklist|"
                            "add|edit|retire|reactivate|new|add-category|print DB …"),
                          error);
}
