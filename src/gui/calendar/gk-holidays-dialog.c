/* gk-holidays-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-workdays.h"
#include "gk-calendar-status.h"
#include "gk-holidays-dialog.h"
#include "gk-write-job.h"

struct _GkHolidaysDialog
{
  AdwWindow           parent_instance;

  GkDatabase         *db;
  GPtrArray          *groups;
  /* The tooltip of the controls that write when the file is read-only. */
  char               *read_only;

  AdwToastOverlay    *toast_overlay;
  GtkWidget          *import_button;
  GtkWidget          *add_button;
  GtkStack           *stack;
  AdwPreferencesPage *page;
  AdwStatusPage      *status;
};

G_DEFINE_FINAL_TYPE (GkHolidaysDialog, gk_holidays_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void gk_holidays_dialog_reload (GkHolidaysDialog *self);

/* After a change of the calendar: the list and whoever listens. */
static void
gk_holidays_dialog_changed (GkHolidaysDialog *self,
                            const char       *message)
{
  gk_holidays_dialog_reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_error (GkHolidaysDialog *self,
            const char       *heading,
            const GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A change of the calendar, written on a worker (gk-write-job.h): a day
 * set (KIND holiday or workday) or removed (KIND NULL), or the days of a
 * file. */
typedef struct
{
  char       *date;
  char       *kind;
  char       *name;
  GFile      *file;
  gint        count;       /* the days the file had */
  const char *failed;
  const char *done;
} DayWrite;

static void
day_write_free (DayWrite *write)
{
  g_free (write->date);
  g_free (write->kind);
  g_free (write->name);
  g_clear_object (&write->file);
  g_free (write);
}

static gboolean
import_days (GkDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  DayWrite *write = user_data;
  g_autofree char *contents = NULL;

  if (!g_file_load_contents (write->file, NULL, &contents, NULL, NULL, error))
    return FALSE;
  write->count = gk_workdays_import (db, contents, error);
  return write->count >= 0;
}

static gboolean
day_write (GkDatabase  *db,
           gpointer     data,
           GError     **error)
{
  DayWrite *write = data;

  if (write->file != NULL)
    return gk_database_write (db, import_days, write, error);
  if (write->kind != NULL)
    return gk_workdays_set_day (db, write->date, write->kind, write->name, error);
  return gk_workdays_remove_day (db, write->date, error);
}

static void
on_day_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GkHolidaysDialog) self = user_data;
  DayWrite *write = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;

  if (!gk_write_job_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _(write->failed), error);
      return;
    }
  if (write->file != NULL)
    imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %d day", "Imported %d days", write->count),
                                write->count);
  gk_holidays_dialog_changed (self, imported != NULL ? imported : _(write->done));
}

static void
gk_holidays_dialog_write (GkHolidaysDialog *self,
                          const char       *progress,
                          DayWrite         *write)
{
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), self->db, progress, day_write,
                    write, (GDestroyNotify) day_write_free, on_day_written, g_object_ref (self));
}

static void
on_remove_clicked (GtkButton        *button,
                   GkHolidaysDialog *self)
{
  DayWrite *write = g_new0 (DayWrite, 1);

  write->date = g_strdup (g_object_get_data (G_OBJECT (button), "date"));
  write->failed = N_("Could Not Remove the Day");
  write->done = N_("Day removed");
  gk_holidays_dialog_write (self, _("Removing the day…"), write);
}

static GtkWidget *
remove_button_new (GkHolidaysDialog *self,
                   GkWorkday        *day)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove %s"), day->date);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, self->read_only != NULL ? self->read_only : label);
  gtk_widget_set_sensitive (button, self->read_only == NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "date", g_strdup (day->date), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), self);
  return button;
}

typedef struct
{
  GkHolidaysDialog *self;
  GtkEditable      *date;
  GtkDropDown      *kind;
  GtkEditable      *name;
} AddDay;

static void
on_add_response (AdwMessageDialog *dialog,
                 const char       *response,
                 AddDay           *add)
{
  if (g_str_equal (response, "add"))
    {
      DayWrite *write = g_new0 (DayWrite, 1);

      write->date = g_strdup (gtk_editable_get_text (add->date));
      write->kind = g_strdup (gtk_drop_down_get_selected (add->kind) == 0 ? "holiday" : "workday");
      write->name = g_strdup (gtk_editable_get_text (add->name));
      write->failed = N_("Could Not Add the Day");
      write->done = N_("Day added");
      gk_holidays_dialog_write (add->self, _("Adding the day…"), write);
    }
  g_free (add);
}

static void
on_add_clicked (GkHolidaysDialog *self)
{
  const char *kinds[] = { _("Public holiday"), _("Make-up working day"), NULL };
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a Day"),
                                              _("A school's own day off, or a day announced after the calendar was imported."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);
  GtkWidget *name = gtk_entry_new ();
  AddDay *add = g_new0 (AddDay, 1);

  gtk_entry_set_placeholder_text (GTK_ENTRY (date), "YYYY-MM-DD");
  gtk_accessible_update_property (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of day"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name, e.g. 校庆"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");

  *add = (AddDay) { self, GTK_EDITABLE (date), GTK_DROP_DOWN (kind), GTK_EDITABLE (name) };
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_response), add);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_holidays_dialog_reload (GkHolidaysDialog *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  int year = 0;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  days = gk_workdays_list (self->db, NULL, NULL, &error);
  if (days == NULL)
    {
      adw_status_page_set_title (self->status, _("Could Not Read the Holidays"));
      adw_status_page_set_description (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, days->len > 0 ? "days" : "empty");

  for (guint i = 0; i < days->len; i++)
    {
      GkWorkday *day = g_ptr_array_index (days, i);
      gboolean holiday = g_str_equal (day->kind, "holiday");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *kind;
      g_autofree char *title = NULL;

      if (atoi (day->date) != year)
        {
          g_autofree char *heading = NULL;

          year = atoi (day->date);
          heading = g_strdup_printf ("%d", year);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, heading);
          adw_preferences_page_add (self->page, group);
          g_ptr_array_add (self->groups, group);
        }

      /* Translators: a day in the list of holidays; a g_date_time_format() format */
      title = gk_calendar_format_date (day->date, _("%B %-e, %A"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day->name);
      kind = gtk_label_new (holiday ? _("Public holiday") : _("Make-up working day"));
      gtk_widget_add_css_class (kind, "day-marker");
      gtk_widget_add_css_class (kind, holiday ? "gk-holiday" : "gk-makeup-day");
      gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button_new (self, day));
      adw_preferences_group_add (group, row);
    }
}

static void
on_import_response (GtkNativeDialog  *native,
                    int               response,
                    GkHolidaysDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        {
          DayWrite *write = g_new0 (DayWrite, 1);

          /* Read on the worker too: the file may be on a slow share. */
          write->file = file;
          write->failed = N_("Could Not Import the Holidays");
          gk_holidays_dialog_write (self, _("Importing the holidays…"), write);
        }
    }
  g_object_unref (native);
}

static void
on_import_clicked (GkHolidaysDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) tsv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Holidays"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (tsv, _("Tab-Separated Values"));
  gtk_file_filter_add_pattern (tsv, "*.tsv");
  gtk_file_filter_add_pattern (tsv, "*.txt");
  gtk_file_filter_add_mime_type (tsv, "text/tab-separated-values");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), tsv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
gk_holidays_dialog_dispose (GObject *object)
{
  GkHolidaysDialog *self = GK_HOLIDAYS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_HOLIDAYS_DIALOG);
  g_clear_object (&self->db);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->read_only, g_free);

  G_OBJECT_CLASS (gk_holidays_dialog_parent_class)->dispose (object);
}

static void
gk_holidays_dialog_class_init (GkHolidaysDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_holidays_dialog_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/calendar/gk-holidays-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkHolidaysDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkHolidaysDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GkHolidaysDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, GkHolidaysDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GkHolidaysDialog, page);
  gtk_widget_class_bind_template_child (widget_class, GkHolidaysDialog, status);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_holidays_dialog_init (GkHolidaysDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gk_calendar_ensure_style ();
  self->groups = g_ptr_array_new ();
}

GtkWidget *
gk_holidays_dialog_new (GtkWindow  *parent,
                        GkDatabase *db)
{
  GkHolidaysDialog *self;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  self = g_object_new (GK_TYPE_HOLIDAYS_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  if (gk_database_is_read_only (db))
    {
      /* Translators: the tooltip of a disabled control; %s says why, e.g. “you may not change this file or the folder it is in” */
      self->read_only = g_strdup_printf (_("The database is read-only: %s"), gk_database_get_read_only_reason (db));
      gtk_widget_set_sensitive (self->import_button, FALSE);
      gtk_widget_set_tooltip_text (self->import_button, self->read_only);
      gtk_widget_set_sensitive (self->add_button, FALSE);
      gtk_widget_set_tooltip_text (self->add_button, self->read_only);
    }
  gk_holidays_dialog_reload (self);
  return GTK_WIDGET (self);
}
