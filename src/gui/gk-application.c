/* gk-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "calendar/gk-calendar-page.h"
#include "catalog/gk-catalog-page.h"
#include "pdf/gk-fonts.h"
#include "preferences/gk-preferences-window.h"
#include "preview/gk-pdf-preview.h"
#include "gk-a11y.h"
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
  { "read-only", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the database so that nothing in it can be changed"), NULL },
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

/* The main window: the active one when it is ours, else any of ours (a
 * dialog may be active), else a new one. */
static GkWindow *
gk_application_get_window (GkApplication *self,
                           gboolean      *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GkWindow *new_window;

  if (GK_IS_WINDOW (window))
    {
      *created = FALSE;
      return GK_WINDOW (window);
    }
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data))
      {
        *created = FALSE;
        return GK_WINDOW (l->data);
      }

  *created = TRUE;
  new_window = gk_window_new (self);
  /* The development build shows it: a striped header bar. */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (new_window), "devel");
  return new_window;
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
  if (g_variant_dict_contains (options, "read-only"))
    gk_window_open_database_read_only (window, path);
  else
    gk_window_open_database (window, path, TRUE);

  return EXIT_SUCCESS;
}

/* The fonts chosen in the preferences (font-ROLE keys) are what gk-fonts
 * tries first. */
static void
on_font_setting_changed (GSettings  *settings,
                         const char *key)
{
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    {
      g_autofree char *font_key = g_strconcat ("font-", gk_font_role_to_string (role), NULL);

      if (key == NULL || g_str_equal (key, font_key))
        {
          g_autofree char *value = g_settings_get_string (settings, font_key);

          gk_fonts_set_preferred (role, value);
        }
    }
}

static void
gk_application_startup (GApplication *application)
{
  GkApplication *self = GK_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.print", { "<Control>p", NULL } },
    { "app.export", { "<Control>e", NULL } },
    { "win.show-help-overlay", { "<Control>question", "<Control>slash", NULL } },
  };
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (gk_application_parent_class)->startup (application);

  /* The development profile (APP_ID ….Devel) shares the release's schema. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (SCHEMA_ID);
      /* Connected before any preferences window, which relies on gk-fonts
       * following the change by the time its own handler runs. */
      g_signal_connect (self->settings, "changed", G_CALLBACK (on_font_setting_changed), NULL);
      on_font_setting_changed (self->settings, NULL);
    }
  else
    g_warning ("The settings schema %s is not installed: nothing will be remembered", SCHEMA_ID);

  gk_a11y_init ();
  gtk_window_set_default_icon_name (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
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
  static const char *developers[] = { "Gongkai developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Gongkai"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Gongkai developers",
                        "developers", developers,
                        "copyright", "© 2026 Gongkai developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/gongkai/gongkai",
                        "issue-url", "https://github.com/gongkai/gongkai/issues",
                        "comments", _("Gongkai keeps party-affairs disclosure (党务公开) the way the implementation measures ask: "
                                      "the catalog of what must be disclosed, every disclosure plan proposed, reviewed, "
                                      "approved and published as Article 13 says, and a calendar of what is due."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
gk_application_preferences (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  gboolean created;
  GkWindow *window = gk_application_get_window (self, &created);
  GkContext *context = gk_window_get_context (window);
  GtkWidget *preferences;

  if (created)
    gtk_window_present (GTK_WINDOW (window));
  preferences = gk_preferences_window_new (GTK_WINDOW (window),
                                           context != NULL ? gk_context_get_database (context) : NULL,
                                           self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The folder of the installed guide in the user's language, or in English. */
static char *
help_folder (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *folder = g_build_filename (HELPDIR, languages[i], GETTEXT_PACKAGE, NULL);

      if (g_file_test (folder, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&folder);
    }
  return g_build_filename (HELPDIR, "C", GETTEXT_PACKAGE, NULL);
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  g_debug ("help:%s: %s", GETTEXT_PACKAGE, error->message);
  folder = help_folder ();
  /* Translators: %s is a folder, e.g. /usr/share/help/zh_CN/gongkai */
  body = g_strdup_printf (_("The user guide is read with the GNOME help viewer, Yelp, which is not installed "
                            "(Debian package “yelp”). Its pages are in %s."), folder);
  dialog = adw_message_dialog_new (parent, _("The User Guide Cannot Be Shown"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_application_help (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  gboolean created;
  GkWindow *window = gk_application_get_window (self, &created);

  if (created)
    gtk_window_present (GTK_WINDOW (window));
  gtk_show_uri_full (GTK_WINDOW (window), "help:" GETTEXT_PACKAGE, GDK_CURRENT_TIME, NULL,
                     on_help_shown, g_object_ref (window));
}

/* Ctrl+P and Ctrl+E act on what is on screen: the first shown widget of
 * TYPE under the active window whose widget action ACTION_NAME runs. Pages
 * keep their print and export actions to themselves (preview.print,
 * catalog.print, calendar.export…), and an application accelerator cannot
 * reach a widget's actions from the window. */
static gboolean
activate_on_screen (GtkWidget  *widget,
                    GType       type,
                    const char *action_name)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return gtk_widget_activate_action (widget, action_name, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (activate_on_screen (child, type, action_name))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GType     (*get_type) (void);
  const char *action_name;
} ScreenAction;

static void
activate_first_on_screen (GtkApplication     *app,
                          const ScreenAction *actions,
                          guint               n_actions)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    return;

  for (guint i = 0; i < n_actions; i++)
    if (activate_on_screen (GTK_WIDGET (window), actions[i].get_type (), actions[i].action_name))
      return;

  gtk_widget_error_bell (GTK_WIDGET (window));
}

static void
gk_application_print (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  /* A notice's preview, in the inbox or in the plan's form; else the
   * catalog. */
  static const ScreenAction actions[] = {
    { gk_pdf_preview_get_type, "preview.print" },
    { gk_catalog_page_get_type, "catalog.print" },
  };

  activate_first_on_screen (GTK_APPLICATION (user_data), actions, G_N_ELEMENTS (actions));
}

static void
gk_application_export (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  static const ScreenAction actions[] = {
    { gk_pdf_preview_get_type, "preview.export" },
    { gk_catalog_page_get_type, "catalog.export-pdf" },
    { gk_calendar_page_get_type, "calendar.export" },
  };

  activate_first_on_screen (GTK_APPLICATION (user_data), actions, G_N_ELEMENTS (actions));
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
  { "preferences", gk_application_preferences },
  { "help", gk_application_help },
  { "print", gk_application_print },
  { "export", gk_application_export },
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

  /* Not through g_settings_delay(): its delay-apply mode cannot be left,
   * and every later change of the preferences would wait for an apply. */
  g_settings_set_string (self->settings, "last-database", path);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
}
