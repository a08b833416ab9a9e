/* gk-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-application.h"
#include "gk-window.h"

#define MAX_RECENT_DATABASES 8

struct _GkApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (GkApplication, gk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open (or create) the database FILE"), N_("FILE") },
  { NULL }
};

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gongkai", "gongkai.db", NULL);
}

/* The last database if it still exists, otherwise the default one, which
 * gk_window_open_database() creates from the template on first start. */
static char *
initial_database_path (GkApplication *self)
{
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");

      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&last);
    }

  return default_database_path ();
}

static GkWindow *
gk_application_get_window (GkApplication *self,
                           gboolean      *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    window = GTK_WINDOW (gk_window_new (self));

  return GK_WINDOW (window);
}

static void
gk_application_activate (GApplication *application)
{
  GkApplication *self = GK_APPLICATION (application);
  GkWindow *window;
  gboolean created;

  window = gk_application_get_window (self, &created);
  gtk_window_present (GTK_WINDOW (window));

  if (created)
    {
      g_autofree char *path = initial_database_path (self);

      gk_window_open_database (window, path, TRUE);
    }
}

static int
gk_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  GkApplication *self = GK_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GkWindow *window;
  gboolean created;

  if (!g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_application_activate (application);
      return EXIT_SUCCESS;
    }

  /* Relative to the directory of the command, which may be another
   * process than this primary instance. */
  file = g_application_command_line_create_file_for_arg (command_line, database);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_application_command_line_printerr (command_line,
                                           _("%s is not a local file\n"), database);
      return EXIT_FAILURE;
    }

  window = gk_application_get_window (self, &created);
  gtk_window_present (GTK_WINDOW (window));
  gk_window_open_database (window, path, TRUE);

  return EXIT_SUCCESS;
}

static void
gk_application_startup (GApplication *application)
{
  GkApplication *self = GK_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (gk_application_parent_class)->startup (application);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_warning ("The settings schema %s is not installed: nothing will be remembered", APP_ID);

  gtk_window_set_default_icon_name (APP_ID);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
gk_application_dispose (GObject *object)
{
  GkApplication *self = GK_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gk_application_parent_class)->dispose (object);
}

static void
gk_application_class_init (GkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gk_application_dispose;

  app_class->startup = gk_application_startup;
  app_class->activate = gk_application_activate;
  app_class->command_line = gk_application_command_line;
}

static void
gk_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Gongkai developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Gongkai"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Run party-affairs disclosure: the catalog, approvals and the publication calendar"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Closing each window, rather than g_application_quit(), lets the windows
 * save their state on the way out. */
static void
gk_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", gk_application_about },
  { "quit", gk_application_quit },
};

static void
gk_application_init (GkApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Party-affairs disclosure for GNOME"));
}

GkApplication *
gk_application_new (void)
{
  return g_object_new (GK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/gongkai/Gongkai",
                       NULL);
}

GSettings *
gk_application_get_settings (GkApplication *self)
{
  g_return_val_if_fail (GK_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* Makes PATH the last database and the first of the recent ones. */
void
gk_application_remember_database (GkApplication *self,
                                  const char    *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (GK_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-databases");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_DATABASES; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "last-database", path);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
  g_settings_apply (self->settings);
}
