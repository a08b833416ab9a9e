/* gk-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include <string.h>

#include "core/gk-backups.h"
#include "core/gk-database.h"
#include "core/gk-template.h"
#include "core/gk-directory.h"
#include "core/gk-notices.h"
#include "core/gk-inspections.h"
#include "calendar/gk-attention-toast.h"
#include "calendar/gk-calendar-page.h"
#include "catalog/gk-catalog-page.h"
#include "inbox/gk-inbox-page.h"
#include "inbox/gk-person-chooser.h"
#include "people/gk-people-window.h"
#include "preview/gk-batch-export-dialog.h"
#include "supervision/gk-findings-window.h"
#include "supervision/gk-summary-view.h"
#include "supervision/gk-supervision-page.h"
#include "gk-a11y.h"
#include "gk-window.h"
#include "gk-write-job.h"

#define DEFAULT_TEMPLATE "jinzhong-2020"

typedef enum
{
  TAB_CATALOG,
  TAB_APPROVALS,
  TAB_CALENDAR,
  TAB_SUPERVISION,
  N_TABS
} Tab;

/* The name of each tab's AdwViewStackPage, and the type of its page. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
} tab_info[N_TABS] = {
  [TAB_CATALOG] = { "catalog", gk_catalog_page_get_type },
  [TAB_APPROVALS] = { "approvals", gk_inbox_page_get_type },
  [TAB_CALENDAR] = { "calendar", gk_calendar_page_get_type },
  [TAB_SUPERVISION] = { "supervision", gk_supervision_page_get_type },
};

struct _GkWindow
{
  AdwApplicationWindow  parent_instance;

  GkContext            *context;

  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  /* Each tab's page, built the first time it is shown (gk_window_get_tab()),
   * NULL until then: building one takes GTK 0.1–0.2 s of processor
   * time, which the first frame should not wait for. */
  GtkWidget            *tabs[N_TABS];
  AdwViewStackPage     *supervision_stack_page;
  AdwToastOverlay      *toast_overlay;
  AdwViewStackPage     *approvals_page;
  AdwButtonContent     *person_content;
  GtkWidget            *person_button;
  GMenu                *recent_menu;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;

  /* Shared files: PRAGMA data_version when the pages last read the file,
   * the poll, the checks and backup of the open database. */
  gint64                data_version;
  guint                 poll_id;
  guint                 after_open_id;
  gboolean              after_open_pending;
  GCancellable         *cancellable;
  gboolean              moved_reported;
  /* Back up or restore under way. */
  gboolean              backup_running;

  /* The start-up toast of what is due: once per database opened. */
  gboolean              attention_shown;
  /* The first frame is painted: what an open starts besides showing the
   * file waits for it (gk_window_start_after_open()). */
  gboolean              painted;
};

G_DEFINE_FINAL_TYPE (GkWindow, gk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
gk_window_get_settings (GkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? gk_application_get_settings (GK_APPLICATION (app)) : NULL;
}

static void
gk_window_show_error (GkWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The approvals tab's badge: how many plans wait for the person. The
 * inbox counts them as it lists them, even hidden, once it is built;
 * until then the window counts them, in SQL as the inbox does. */
static void
gk_window_update_badge (GkWindow *self)
{
  GtkWidget *inbox = self->tabs[TAB_APPROVALS];
  guint count = 0;

  if (inbox != NULL)
    count = gk_inbox_page_get_waiting_count (GK_INBOX_PAGE (inbox));
  else if (self->context != NULL && gk_context_get_person_id (self->context) > 0)
    {
      GkNoticeQuery waiting = { .waiting_for = gk_context_get_person_id (self->context) };

      count = (guint) MAX (0, gk_notices_count (gk_context_get_database (self->context), &waiting, NULL));
    }

  adw_view_stack_page_set_badge_number (self->approvals_page, count);
  adw_view_stack_page_set_needs_attention (self->approvals_page, count > 0);
}

/* The tab's page, built now if it was not yet. */
static GtkWidget *
gk_window_get_tab (GkWindow *self,
                   Tab       tab)
{
  GtkWidget *bin;
  GtkWidget *page;

  g_assert (tab < N_TABS);

  if (self->tabs[tab] != NULL)
    return self->tabs[tab];

  bin = adw_view_stack_get_child_by_name (self->view_stack, tab_info[tab].name);
  page = self->tabs[tab] = g_object_new (tab_info[tab].get_type (), NULL);
  /* Named after its tab, as screen readers find it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_view_stack_page_get_title (adw_view_stack_get_page (self->view_stack, bin)),
                                  -1);
  if (tab == TAB_APPROVALS)
    g_signal_connect_object (page, "notify::waiting-count", G_CALLBACK (gk_window_update_badge), self,
                             G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (bin), page);
  /* In its place first: the page may look for its tab (the inbox's
   * GONGKAI_BENCH_SCROLL). */
  g_object_set (page, "context", self->context, NULL);
  if (tab == TAB_APPROVALS)
    gk_window_update_badge (self);
  return page;
}

static void
on_visible_tab_changed (GkWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  for (Tab tab = 0; tab < N_TABS; tab++)
    if (g_strcmp0 (name, tab_info[tab].name) == 0)
      gk_window_get_tab (self, tab);
}

static gint64
gk_window_get_person_id (GkWindow *self)
{
  return self->context != NULL ? gk_context_get_person_id (self->context) : 0;
}

static void gk_window_start_after_open (GkWindow *self);

/* Every change made from this window is recorded in the person's name
 * (gk_context_set_person_id()). */
static void
gk_window_set_person (GkWindow *self,
                      gint64    person_id)
{
  const char *label = _("Who Are You?");
  g_autofree char *name = NULL;
  g_autofree char *accessible = NULL;

  g_assert (self->context != NULL);

  if (person_id > 0)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, person_id);
      name = gk_notices_people_names (gk_context_get_database (self->context), ids);
      if (name != NULL && name[0] != '\0')
        label = name;
    }

  adw_button_content_set_label (self->person_content, label);
  /* Translators: the accessible name of the header bar button that shows the current person */
  accessible = g_strdup_printf (_("Current person: %s"), label);
  gk_a11y_set_name (self->person_button, accessible);
  /* 督查 is for party office and inspectors only: hidden before the tabs
   * follow the person, so that it reads nothing for others. */
  adw_view_stack_page_set_visible (self->supervision_stack_page,
                                   person_id > 0
                                   && gk_inspections_may_record (gk_context_get_database (self->context),
                                                                 person_id));
  gk_context_set_person_id (self->context, person_id);
  gk_window_update_badge (self);
  gk_window_start_after_open (self);
}

/* The person remembered for the open database, or 0. */
static gint64
gk_window_remembered_person (GkWindow *self)
{
  GSettings *settings = gk_window_get_settings (self);
  GkDatabase *db = gk_context_get_database (self->context);
  g_autoptr(GVariant) people = NULL;
  const char *id = NULL;

  if (settings == NULL)
    return 0;

  people = g_settings_get_value (settings, "current-people");
  if (!g_variant_lookup (people, gk_database_get_path (db), "&s", &id))
    return 0;
  /* The person may have been removed since. */
  return gk_directory_find_person (db, id, NULL);
}

static void
gk_window_remember_person (GkWindow *self,
                           gint64    person_id)
{
  GSettings *settings = gk_window_get_settings (self);
  g_autoptr(GVariant) people = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  const char *path = gk_database_get_path (gk_context_get_database (self->context));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  GVariantIter iter;
  const char *key, *value;

  if (settings == NULL)
    return;

  people = g_settings_get_value (settings, "current-people");
  g_variant_iter_init (&iter, people);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, path) != 0)
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", path, id);
  g_settings_set_value (settings, "current-people", g_variant_builder_end (&builder));
}

static void
on_person_chosen (GkWindow   *self,
                  gint64      person_id,
                  const char *name)
{
  if (self->context == NULL)
    return;

  gk_window_remember_person (self, person_id);
  gk_window_set_person (self, person_id);
}

static void
gk_window_choose_person (GkWindow *self)
{
  GkPersonChooser *chooser;

  if (self->context == NULL)
    return;

  chooser = gk_person_chooser_new (GTK_WINDOW (self), gk_context_get_database (self->context),
                                   gk_window_get_person_id (self));
  g_signal_connect_object (chooser, "person-chosen", G_CALLBACK (on_person_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static gboolean
choose_person_idle (gpointer user_data)
{
  GkWindow *self = user_data;

  if (self->context != NULL && gk_window_get_person_id (self) == 0)
    gk_window_choose_person (self);
  return G_SOURCE_REMOVE;
}

/* GONGKAI_PERSON (a name or an id) first, for tests and scripts; then the
 * person remembered for this file; else ask, once the window is up. */
static void
gk_window_find_person (GkWindow *self)
{
  const char *preset = g_getenv ("GONGKAI_PERSON");
  gint64 person_id = 0;

  if (preset != NULL && preset[0] != '\0')
    {
      g_autoptr(GError) error = NULL;

      person_id = gk_directory_find_person (gk_context_get_database (self->context), preset, &error);
      if (person_id <= 0)
        g_warning ("GONGKAI_PERSON=%s: %s", preset, error->message);
    }
  if (person_id <= 0)
    person_id = gk_window_remembered_person (self);

  gk_window_set_person (self, person_id);
  if (person_id <= 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, choose_person_idle,
                     g_object_ref (self), g_object_unref);
}

static void gk_window_database_opened (GkWindow *self);

static void
gk_window_set_context (GkWindow   *self,
                       GkContext  *context)
{
  GkDatabase *db;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *title = NULL;

  if (!g_set_object (&self->context, context))
    return;

  db = gk_context_get_database (context);
  basename = g_path_get_basename (gk_database_get_path (db));
  display_name = g_filename_display_name (basename);
  adw_view_switcher_title_set_subtitle (self->switcher_title, display_name);
  /* Translators: the window title, %s is the database file name */
  title = g_strdup_printf (_("%s — Gongkai"), display_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  self->attention_shown = FALSE;
  gk_window_database_opened (self);
  /* The person first, so that the tabs read the new file once. */
  gk_window_find_person (self);
  for (Tab tab = 0; tab < N_TABS; tab++)
    if (self->tabs[tab] != NULL)
      g_object_set (self->tabs[tab], "context", context, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
gk_window_use_database (GkWindow   *self,
                        GkDatabase *db)
{
  g_autoptr(GkContext) context = gk_context_new (db);
  GtkApplication *app;

  gk_window_set_context (self, context);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    gk_application_remember_database (GK_APPLICATION (app), gk_database_get_path (db));
}

gboolean
gk_window_open_database (GkWindow   *self,
                         const char *path,
                         gboolean    create_if_missing)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (create_if_missing && !g_file_test (path, G_FILE_TEST_EXISTS))
    db = gk_template_create_database (path, DEFAULT_TEMPLATE, &error);
  else
    db = gk_database_open (path, &error);

  if (db == NULL)
    {
      gk_window_show_error (self, _("Could Not Open the Database"), error);
      return FALSE;
    }

  gk_window_use_database (self, db);
  return TRUE;
}

gboolean
gk_window_open_database_read_only (GkWindow   *self,
                                   const char *path)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = gk_database_open_full (path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      gk_window_show_error (self, _("Could Not Open the Database"), error);
      return FALSE;
    }

  gk_window_use_database (self, db);
  return TRUE;
}

static void
gk_window_create_database (GkWindow   *self,
                           const char *path)
{
  g_autoptr(GkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = gk_template_create_database (path, DEFAULT_TEMPLATE, &error);
  if (db == NULL)
    {
      gk_window_show_error (self, _("Could Not Create the Database"), error);
      return;
    }

  gk_window_use_database (self, db);
}

static void
gk_window_rebuild_recent_menu (GkWindow *self)
{
  GSettings *settings = gk_window_get_settings (self);
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);

  if (settings != NULL)
    recent = g_settings_get_strv (settings, "recent-databases");

  if (recent == NULL || recent[0] == NULL)
    {
      g_menu_append (self->recent_menu, _("No Recent Databases"), NULL);
      return;
    }

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *basename = g_path_get_basename (recent[i]);
      g_autofree char *display = g_filename_display_name (basename);
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      /* Menu labels take _ as a mnemonic marker: double it. */
      parts = g_strsplit (display, "_", -1);
      label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static GtkFileChooserNative *
gk_window_new_file_chooser (GkWindow             *self,
                            const char           *title,
                            GtkFileChooserAction  action,
                            const char           *accept_label)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (databases, _("Gongkai Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  return native;
}

/* The path the user chose, or NULL when they cancelled. */
static char *
file_chooser_get_path (GtkNativeDialog *native,
                       int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  GkWindow        *self)
{
  g_autofree char *path = file_chooser_get_path (native, response);

  if (path != NULL)
    gk_window_open_database (self, path, FALSE);

  g_object_unref (native);
}

static void
on_new_response (GtkNativeDialog *native,
                 int              response,
                 GkWindow        *self)
{
  g_autofree char *path = file_chooser_get_path (native, response);

  if (path != NULL)
    gk_window_create_database (self, path);

  g_object_unref (native);
}

static void
gk_window_open_database_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gk_window_new_file_chooser (self, _("Open Database"),
                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
gk_window_new_database_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gk_window_new_file_chooser (self, _("New Database"),
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));
  /* Translators: the file name suggested for a new database */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("disclosure.db"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_new_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
gk_window_open_recent_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  gk_window_open_database (GK_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* Shared files (DESIGN §6): other desktops' changes, a file replaced under
 * us, read-only files, network shares, damage and backups. */

static void
gk_window_toast (GkWindow   *self,
                 const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static GkDatabase *
gk_window_get_database (GkWindow *self)
{
  return self->context != NULL ? gk_context_get_database (self->context) : NULL;
}

/* Every tab reads the database again, at once or when next shown
 * (gk-page-sync.h), keeping its selection, scroll position and what the
 * user is typing. */
static void
gk_window_data_changed (GkWindow *self)
{
  if (self->context == NULL)
    return;

  gk_context_data_changed (self->context);
  gk_window_update_badge (self);
}

/* Read-only files: the banner says why, and the pages check
 * gk_database_is_read_only() themselves before offering a change (the
 * inbox shows no steps and opens no editor, the catalog disables its
 * editing with the reason as tooltip, the calendar records nothing): one
 * source of truth, the connection, rather than a window property. */
static void
gk_window_update_banner (GkWindow *self)
{
  GkDatabase *db = gk_window_get_database (self);
  gboolean read_only = db != NULL && gk_database_is_read_only (db);

  if (read_only)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why, e.g. “you may not change this file or the folder it is in” */
      text = g_strdup_printf (_("This database is open read-only: %s; changes are disabled."),
                              gk_database_get_read_only_reason (db));
      gtk_label_set_text (self->banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, read_only);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up", db != NULL && !self->backup_running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup",
                                 db != NULL && !read_only && !self->backup_running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.verify-database", db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.people", db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.batch-export", db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.disclosure-summary", db != NULL);
}

static void gk_window_use_database (GkWindow *self, GkDatabase *db);

/* Polled every two seconds and when the window becomes active. */
static void
gk_window_check_changes (GkWindow *self)
{
  GkDatabase *db = gk_window_get_database (self);
  gint64 version;

  if (db == NULL)
    return;

  if (gk_database_has_moved (db))
    {
      g_autoptr(GkDatabase) reopened = NULL;
      g_autoptr(GError) error = NULL;

      reopened = gk_database_reopen (db, &error);
      if (reopened != NULL)
        {
          gk_window_use_database (self, reopened);
          gk_window_toast (self, _("The database file was replaced; reopened"));
          return;
        }
      /* Gone for good, say, while its folder is renamed: tell once. */
      if (!self->moved_reported)
        {
          self->moved_reported = TRUE;
          gk_window_show_error (self, _("The Database File Was Moved"), error);
        }
    }

  version = gk_database_get_data_version (db);
  if (version != self->data_version)
    {
      self->data_version = version;
      gk_window_data_changed (self);
    }
}

static gboolean
gk_window_poll (gpointer user_data)
{
  gk_window_check_changes (GK_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_is_active_changed (GkWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    gk_window_check_changes (self);
}

static void gk_window_restore_backup_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);

static void
on_damaged_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GkWindow         *self)
{
  if (g_strcmp0 (response, "restore") == 0)
    gk_window_restore_backup_action (GTK_WIDGET (self), "win.restore-backup", NULL);
}

static void
gk_window_show_damaged (GkWindow     *self,
                        const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Database Is Damaged"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "restore", _("_Restore from Backup…"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore",
                                           !gk_database_is_read_only (gk_window_get_database (self)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_damaged_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_quick_check_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gk_database_check_path_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_window_show_damaged (self, error);
}

static void
on_verify_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gk_database_check_path_finish (result, &error))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Database Is Sound"),
                                       _("Every page of the file and the audit log’s chain of hashes are in order."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_window_show_damaged (self, error);
}

static void
gk_window_verify_database_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);

  if (db == NULL)
    return;
  gk_window_toast (self, _("Verifying the database…"));
  gk_database_check_path_async (gk_database_get_path (db), GK_DATABASE_CHECK_FULL,
                                self->cancellable, on_verify_done, g_object_ref (self));
}

/* The daily backup, on a connection of its own in a worker thread: VACUUM
 * INTO reads the whole file, which takes a while on a share. The
 * connection is read-only, so it never writes the shared file. */
static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(GkDatabase) db = NULL;
  GError *error = NULL;
  char *made = NULL;

  db = gk_database_open_full (task_data, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL || !gk_backups_run_daily (db, NULL, &made, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, made, g_free);
}

static void
on_daily_backup_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GkWindow *self = GK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why */
      text = g_strdup_printf (_("Could not make today’s backup: %s"), error->message);
      gk_window_toast (self, text);
    }
  else if (made != NULL)
    g_debug ("Daily backup: %s", made);
}

/* A database on a network share: what that means, once per file. */
static void
gk_window_explain_share (GkWindow   *self,
                         GkDatabase *db)
{
  GSettings *settings = gk_window_get_settings (self);
  const char *path = gk_database_get_path (db);
  g_auto(GStrv) explained = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (settings == NULL || !gk_database_is_on_network_share (db))
    return;
  explained = g_settings_get_strv (settings, "explained-shares");
  if (g_strv_contains ((const char * const *) explained, path))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) explained);
  g_strv_builder_add (builder, path);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "explained-shares", (const char * const *) updated);

  body = gk_filesystem_describe_shared_mode (gk_database_get_filesystem_kind (db));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("This Database Is on a Network Share"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Understood"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After each open, once the window is up: the explanation of shares, the
 * quick check and the daily backup, the last two off the main thread. */
static gboolean
gk_window_after_open (gpointer user_data)
{
  GkWindow *self = user_data;
  GkDatabase *db = gk_window_get_database (self);
  g_autoptr(GTask) task = NULL;

  self->after_open_id = 0;
  if (db == NULL)
    return G_SOURCE_REMOVE;

  gk_window_explain_share (self, db);
  gk_database_check_path_async (gk_database_get_path (db), GK_DATABASE_CHECK_QUICK,
                                self->cancellable, on_quick_check_done, g_object_ref (self));

  task = g_task_new (self, self->cancellable, on_daily_backup_done, NULL);
  g_task_set_source_tag (task, gk_window_after_open);
  g_task_set_task_data (task, g_strdup (gk_database_get_path (db)), g_free);
  g_task_run_in_thread (task, daily_backup_thread);
  return G_SOURCE_REMOVE;
}

/* What an open starts besides showing the file, gk_window_after_open()
 * and the start-up toast of what is due, waits for the window's first
 * frame: their workers would share the two cores with it. */
static void
gk_window_start_after_open (GkWindow *self)
{
  if (!self->painted || self->context == NULL)
    return;

  if (self->after_open_pending)
    {
      self->after_open_pending = FALSE;
      if (self->after_open_id == 0)
        self->after_open_id = g_idle_add_full (G_PRIORITY_LOW, gk_window_after_open,
                                               g_object_ref (self), g_object_unref);
    }
  if (!self->attention_shown && gk_context_get_person_id (self->context) > 0)
    {
      self->attention_shown = TRUE;
      gk_attention_toast_show (self->context, self->toast_overlay, self->cancellable);
    }
}

/* Called whenever another database (or the same file reopened) is in use. */
static void
gk_window_database_opened (GkWindow *self)
{
  GkDatabase *db = gk_window_get_database (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->moved_reported = FALSE;
  self->data_version = db != NULL ? gk_database_get_data_version (db) : 0;
  gk_window_update_banner (self);

  self->after_open_pending = db != NULL;
  gk_window_start_after_open (self);
}

/* Back up and restore read or replace the whole file, which takes a
 * while on a share: in a worker on a connection of its own, with their
 * progress in the window (gk-write-job.h). One at a time. */
static void
gk_window_set_backup_running (GkWindow *self,
                              gboolean  running)
{
  self->backup_running = running;
  gk_window_update_banner (self);
}

static gboolean
back_up_in_worker (GkDatabase  *db,
                   gpointer     data,
                   GError     **error)
{
  return gk_database_backup_to (db, data, error);
}

static void
on_backed_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gk_window_set_backup_running (self, FALSE);
  if (gk_write_job_finish (result, &error))
    {
      g_autofree char *display = g_filename_display_name (gk_write_job_get_data (result));
      g_autofree char *text = NULL;

      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Backed up to %s"), display);
      gk_window_toast (self, text);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_window_show_error (self, _("Could Not Back Up the Database"), error);
}

static void
on_backup_response (GtkNativeDialog *native,
                    int              response,
                    GkWindow        *self)
{
  g_autofree char *path = file_chooser_get_path (native, response);
  GkDatabase *db = gk_window_get_database (self);

  if (path != NULL && db != NULL && !self->backup_running)
    {
      gk_window_set_backup_running (self, TRUE);
      gk_write_job_run (GTK_WIDGET (self->toast_overlay), db, _("Backing up the database…"),
                        back_up_in_worker, g_steal_pointer (&path), g_free,
                        on_backed_up, g_object_ref (self));
    }

  g_object_unref (native);
}

static void
gk_window_back_up_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);
  GtkFileChooserNative *native;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  char *dot;

  if (db == NULL)
    return;

  basename = g_path_get_basename (gk_database_get_path (db));
  if ((dot = strrchr (basename, '.')) != NULL)
    *dot = '\0';
  name = g_strdup_printf ("%s-%s.db", basename, date);

  native = gk_window_new_file_chooser (self, _("Back Up the Database"),
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (on_backup_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct
{
  char *backup;
  char *safety;  /* set by the worker */
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->backup);
  g_free (restore->safety);
  g_free (restore);
}

static gboolean
restore_in_worker (GkDatabase  *db,
                   gpointer     data,
                   GError     **error)
{
  Restore *restore = data;

  return gk_backups_restore (db, restore->backup, &restore->safety, error);
}

/* The content was replaced under the window's connection: it is opened
 * again, and every page reads the restored file. */
static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GkWindow) self = user_data;
  Restore *restore = gk_write_job_get_data (result);
  GkDatabase *db = gk_window_get_database (self);
  g_autoptr(GkDatabase) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;

  gk_window_set_backup_running (self, FALSE);
  if (!gk_write_job_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_window_show_error (self, _("Could Not Restore the Backup"), error);
      return;
    }

  reopened = db != NULL ? gk_database_reopen (db, &error) : NULL;
  if (reopened != NULL)
    gk_window_use_database (self, reopened);
  else if (error != NULL)
    gk_window_show_error (self, _("Could Not Open the Database"), error);

  display = restore->safety != NULL ? g_filename_display_name (restore->safety) : g_strdup ("");
  /* Translators: %s is the file the content before the restore was saved to */
  text = g_strdup_printf (_("Backup restored; the previous content was saved to %s"), display);
  gk_window_toast (self, text);
}

static void
on_restore_confirmed (AdwMessageDialog *dialog,
                      const char       *response,
                      GkWindow         *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "gk-backup");
  GkDatabase *db = gk_window_get_database (self);
  Restore *restore;

  if (g_strcmp0 (response, "restore") != 0 || db == NULL || backup == NULL || self->backup_running)
    return;

  restore = g_new0 (Restore, 1);
  restore->backup = g_strdup (backup);
  gk_window_set_backup_running (self, TRUE);
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), db, _("Restoring the backup…"),
                    restore_in_worker, restore, (GDestroyNotify) restore_free,
                    on_restored, g_object_ref (self));
}

static void on_backup_row_selected (GtkListBox       *list,
                                    GtkListBoxRow    *row,
                                    AdwMessageDialog *dialog);

static void
on_backup_chosen (AdwMessageDialog *dialog,
                  const char       *response,
                  GkWindow         *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "gk-list");
  GtkListBoxRow *row;
  const char *backup;
  GtkWidget *confirm;
  g_autofree char *body = NULL;

  /* The list is emptied as the dialog closes, its responses already gone. */
  g_signal_handlers_disconnect_by_func (list, on_backup_row_selected, dialog);
  if (g_strcmp0 (response, "restore") != 0 || (row = gtk_list_box_get_selected_row (list)) == NULL)
    return;
  backup = g_object_get_data (G_OBJECT (row), "gk-backup");

  /* Translators: %s is the date and time of a backup */
  body = g_strdup_printf (_("The whole database, for every desktop that uses it, will be replaced by the backup of %s. "
                            "Changes made since are lost, except in the copy of the current content made first."),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  confirm = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  g_object_set_data_full (G_OBJECT (confirm), "gk-backup", g_strdup (backup), g_free);
  g_signal_connect_object (confirm, "response", G_CALLBACK (on_restore_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
on_backup_row_selected (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "restore", row != NULL);
}

static void
gk_window_restore_backup_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *list, *scrolled;

  if (db == NULL)
    return;

  backups = gk_backups_list (db, &error);
  if (backups == NULL)
    {
      gk_window_show_error (self, _("Could Not List the Backups"), error);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore from Backup"),
                                   backups->len > 0
                                   ? _("Backups are made on this computer every day at the first open and before every restore.")
                                   : _("There is no backup of this database on this computer yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore", FALSE);

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Backups"), -1);
  for (guint i = 0; i < backups->len; i++)
    {
      GkBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *when = g_date_time_format (info->time, "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: the kind of a backup, then its size */
      subtitle = g_strdup_printf (_("%s, %s"),
                                  info->kind == GK_BACKUP_DAILY ? _("Daily backup") : _("Made before a restore"),
                                  size);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "gk-backup", g_strdup (info->path), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_object (list, "row-selected", G_CALLBACK (on_backup_row_selected), dialog, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_visible (scrolled, backups->len > 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  g_object_set_data (G_OBJECT (dialog), "gk-list", list);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_backup_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_window_show_page_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

static void
gk_window_find_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "catalog");
  gk_catalog_page_focus_search (GK_CATALOG_PAGE (gk_window_get_tab (self, TAB_CATALOG)));
}

/* People and roles: changes for party office and administrators, a look
 * for anyone else (the window says so). */
static void
gk_window_people_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);

  if (db != NULL)
    gtk_window_present (GTK_WINDOW (gk_people_window_new (GTK_WINDOW (self), db, gk_window_get_person_id (self))));
}

/* The approved and published notices of a date range, to PDF at once. */
static void
gk_window_batch_export_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);

  if (db != NULL)
    gtk_window_present (GTK_WINDOW (gk_batch_export_dialog_new (GTK_WINDOW (self), db)));
}

static void
gk_window_choose_person_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  gk_window_choose_person (GK_WINDOW (widget));
}

static void
gk_window_new_plan_for_item_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "approvals");
  gk_inbox_page_new_plan (GK_INBOX_PAGE (gk_window_get_tab (self, TAB_APPROVALS)), g_variant_get_int64 (parameter));
}

static void
gk_window_show_notice_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "approvals");
  gk_inbox_page_select_notice (GK_INBOX_PAGE (gk_window_get_tab (self, TAB_APPROVALS)), g_variant_get_int64 (parameter));
}

/* 督查 from any tab: a finding (the calendar's agenda), the overdue
 * rectifications of the current person (the inbox's banner), the period
 * summary of one's own organization (第十七条, the main menu). */
static void
gk_window_present_findings (GkWindow  *self,
                            GtkWidget *window)
{
  g_signal_connect_object (window, "changed", G_CALLBACK (gk_window_data_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
gk_window_show_finding_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);

  if (db != NULL)
    gk_window_present_findings (self, gk_findings_window_new_for_finding (GTK_WINDOW (self), db,
                                                                          gk_window_get_person_id (self),
                                                                          g_variant_get_int64 (parameter)));
}

static void
gk_window_show_overdue_rectifications_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);

  if (db != NULL)
    gk_window_present_findings (self, gk_findings_window_new_overdue (GTK_WINDOW (self), db,
                                                                      gk_window_get_person_id (self)));
}

static void
gk_window_disclosure_summary_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GkDatabase *db = gk_window_get_database (self);

  if (db != NULL)
    gtk_window_present (GTK_WINDOW (gk_summary_window_new (GTK_WINDOW (self), db, gk_window_get_person_id (self))));
}

static void
gk_window_restore_state (GkWindow *self)
{
  GSettings *settings = gk_window_get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
gk_window_save_state (GkWindow *self)
{
  GSettings *settings = gk_window_get_settings (self);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (settings == NULL)
    return;

  /* Written at once, key by key: g_settings_delay() would leave the
   * application's settings in delay-apply mode for good, and the
   * preferences changed afterwards unsaved. The unmaximized size is what
   * the next start should restore. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", maximized);
}

static gboolean
gk_window_close_request (GtkWindow *window)
{
  gk_window_save_state (GK_WINDOW (window));

  return GTK_WINDOW_CLASS (gk_window_parent_class)->close_request (window);
}

static void
gk_window_dispose (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->after_open_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The stack shows another child as it goes: no page is built for it. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, on_visible_tab_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gk_window_parent_class)->dispose (object);
}

static void
gk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The shortcuts window (Ctrl+?), built the first time it is asked for:
 * GTK would build it, from gtk/help-overlay.ui, with every window before
 * its first frame. */
static void
gk_window_show_help_overlay_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  GtkApplicationWindow *self = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (self);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/gongkai/Gongkai/gk-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (self, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
gk_window_class_init (GkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const struct {
    guint key;
    const char *page;
  } page_keys[] = {
    { GDK_KEY_1, "catalog" },
    { GDK_KEY_2, "approvals" },
    { GDK_KEY_3, "calendar" },
    { GDK_KEY_4, "supervision" },
  };

  object_class->dispose = gk_window_dispose;
  object_class->get_property = gk_window_get_property;

  window_class->close_request = gk_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         GK_TYPE_CONTEXT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, supervision_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, approvals_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, person_content);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, person_button);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, banner_label);

  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, gk_window_new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, gk_window_open_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", gk_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", gk_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, gk_window_find_action);
  gtk_widget_class_install_action (widget_class, "win.choose-person", NULL, gk_window_choose_person_action);
  gtk_widget_class_install_action (widget_class, "win.people", NULL, gk_window_people_action);
  gtk_widget_class_install_action (widget_class, "win.batch-export", NULL, gk_window_batch_export_action);
  gtk_widget_class_install_action (widget_class, "win.show-finding", "x", gk_window_show_finding_action);
  gtk_widget_class_install_action (widget_class, "win.show-overdue-rectifications", NULL,
                                   gk_window_show_overdue_rectifications_action);
  gtk_widget_class_install_action (widget_class, "win.disclosure-summary", NULL, gk_window_disclosure_summary_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan-for-item", "x", gk_window_new_plan_for_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-notice", "x", gk_window_show_notice_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, gk_window_back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, gk_window_restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.verify-database", NULL, gk_window_verify_database_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, gk_window_show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.batch-export", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, page_keys[i].key, GDK_ALT_MASK,
                                         "win.show-page", "s", page_keys[i].page);
}

/* The first frame is painted: what an open starts besides may begin; or,
 * with GONGKAI_EXIT_AFTER_FIRST_FRAME=1, the application prints when
 * (g_get_monotonic_time()) and quits, so that start-up can be timed from
 * outside (tests/bench/bench-startup.c). */
static void
on_first_frame_painted (GdkFrameClock *clock,
                        GkWindow      *self)
{
  const char *exit_after = g_getenv ("GONGKAI_EXIT_AFTER_FIRST_FRAME");

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, self);
  /* =catalog: the catalog page quits once it is shown. */
  if (exit_after != NULL && g_strcmp0 (exit_after, "catalog") != 0)
    {
      g_print ("painted-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      return;
    }
  self->painted = TRUE;
  gk_window_start_after_open (self);
}

static void
on_realize (GkWindow *self)
{
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_first_frame_painted), self, 0);
}

static void
gk_window_init (GkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_tab_changed), self,
                           G_CONNECT_SWAPPED);
  on_visible_tab_changed (self);
  /* tests/bench/bench-startup.c: the inbox scrolls its list at once. */
  if (g_getenv ("GONGKAI_BENCH_SCROLL") != NULL)
    gk_window_get_tab (self, TAB_APPROVALS);
  gk_window_update_banner (self);
  self->poll_id = g_timeout_add_seconds (2, gk_window_poll, self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);
}

GkWindow *
gk_window_new (GkApplication *application)
{
  GkWindow *self;
  GSettings *settings;

  g_return_val_if_fail (GK_IS_APPLICATION (application), NULL);

  self = g_object_new (GK_TYPE_WINDOW, "application", application, NULL);

  gk_window_restore_state (self);
  gk_window_rebuild_recent_menu (self);

  settings = gk_window_get_settings (self);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::recent-databases",
                             G_CALLBACK (gk_window_rebuild_recent_menu), self,
                             G_CONNECT_SWAPPED);

  return self;
}

GkContext *
gk_window_get_context (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);

  return self->context;
}
