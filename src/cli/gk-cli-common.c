#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cli/gk-cli.h"
#include "core/gk-core-error.h"

gboolean
gk_cli_parse (int                  *argc,
              char               ***argv,
              const GOptionEntry   *options,
              const char           *parameters,
              int                   n_args,
              GError              **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);

  if (options != NULL)
    g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*argc - 1 != n_args)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("usage: gongkai-cli %s"), parameters);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_cli_run_verb (int              argc,
                 char           **argv,
                 const GkCliVerb *verbs,
                 gsize            n_verbs,
                 const char      *usage,
                 GError         **error)
{
  for (gsize i = 0; argc > 1 && i < n_verbs; i++)
    if (g_str_equal (argv[1], verbs[i].verb))
      return verbs[i].run (argc - 1, argv + 1, error);

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, usage);
  return FALSE;
}

GkDatabase *
gk_cli_open (const char  *path,
             GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_OPEN,
                   _("“%s” does not exist; create it with gongkai-cli init"), path);
      return NULL;
    }
  return gk_database_open (path, error);
}

gboolean
gk_cli_write_output (const char  *file,
                     const char  *text,
                     GError     **error)
{
  if (file == NULL || g_str_equal (file, "-"))
    {
      fputs (text, stdout);
      return fflush (stdout) == 0;
    }
  return g_file_set_contents (file, text, -1, error);
}

gboolean
gk_cli_take_verb (int          *argc,
                  char       ***argv,
                  const char   *verb,
                  const char   *usage,
                  GError      **error)
{
  if (*argc < 2 || !g_str_equal ((*argv)[1], verb))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("usage: gongkai-cli %s"), usage);
      return FALSE;
    }
  (*argv)[1] = (*argv)[0];
  (*argc)--;
  (*argv)++;
  return TRUE;
}
