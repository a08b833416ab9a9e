#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* The commands of gongkai-cli. Each gets the arguments from its own name
 * on (argv[0] is the command) and reports failure through GError: main
 * prints it as one line and exits 2 for usage errors, 1 otherwise. */
typedef gboolean (*GkCliCommand) (int      argc,
                                  char   **argv,
                                  GError **error);

gboolean gk_cli_init    (int argc, char **argv, GError **error);
gboolean gk_cli_org     (int argc, char **argv, GError **error);
gboolean gk_cli_person  (int argc, char **argv, GError **error);
gboolean gk_cli_catalog (int argc, char **argv, GError **error);
gboolean gk_cli_verify  (int argc, char **argv, GError **error);
gboolean gk_cli_backup  (int argc, char **argv, GError **error);
gboolean gk_cli_restore (int argc, char **argv, GError **error);
gboolean gk_cli_notice  (int argc, char **argv, GError **error);
gboolean gk_cli_application (int argc, char **argv, GError **error);
gboolean gk_cli_calendar (int argc, char **argv, GError **error);
gboolean gk_cli_holidays (int argc, char **argv, GError **error);
gboolean gk_cli_workday (int argc, char **argv, GError **error);
gboolean gk_cli_report (int argc, char **argv, GError **error);
gboolean gk_cli_summary (int argc, char **argv, GError **error);
gboolean gk_cli_inspection (int argc, char **argv, GError **error);
gboolean gk_cli_feedback (int argc, char **argv, GError **error);
gboolean gk_cli_dashboard (int argc, char **argv, GError **error);
gboolean gk_cli_audit (int argc, char **argv, GError **error);

/* Exit status for a usage error (a wrong option or a missing argument). */
#define GK_CLI_EXIT_USAGE 2

/* Parses OPTIONS out of argv, then expects exactly N_ARGS positional
 * arguments after argv[0]; PARAMETERS is the whole command line pattern
 * for --help and usage errors ("org add DB NAME"). */
gboolean    gk_cli_parse    (int           *argc,
                             char        ***argv,
                             const GOptionEntry *options,
                             const char    *parameters,
                             int            n_args,
                             GError       **error);

/* Expects argv[1] to be VERB ("add", "export") and drops it, so that
 * options and positional arguments follow as for any other command. */
gboolean    gk_cli_take_verb (int          *argc,
                              char       ***argv,
                              const char   *verb,
                              const char   *usage,
                              GError      **error);

/* One verb of a command ("catalog export") and what runs it. */
typedef struct
{
  const char   *verb;
  GkCliCommand  run;
} GkCliVerb;

/* Runs the one of the N_VERBS VERBS that argv[1] names, with the
 * arguments from the verb on; with any other verb, fails with the usage
 * error USAGE (a whole, translated message). */
gboolean    gk_cli_run_verb (int              argc,
                             char           **argv,
                             const GkCliVerb *verbs,
                             gsize            n_verbs,
                             const char      *usage,
                             GError         **error);

/* Opens an existing database; refuses to create one by accident. */
GkDatabase *gk_cli_open     (const char    *path,
                             GError       **error);

/* Writes TEXT to FILE, or to stdout when FILE is NULL or "-". */
gboolean    gk_cli_write_output (const char *file,
                                 const char *text,
                                 GError    **error);

G_END_DECLS
