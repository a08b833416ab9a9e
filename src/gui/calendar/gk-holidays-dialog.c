/* gk-holidays-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-workdays.h"
#include "gk-calendar-status.h"
#include "gk-holidays-dialog.h"

struct _GkHolidaysDialog
{
  AdwWindow           parent_instance;

  GkDatabase         *db;
  GPtrArray          *groups;

  AdwToastOverlay    *toast_overlay;
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

static void
on_remove_clicked (GtkButton        *button,
                   GkHolidaysDialog *self)
{
  const char *date = g_object_get_data (G_OBJECT (button), "date");
  g_autoptr(GError) error = NULL;

  if (!gk_workdays_remove_day (self->db, date, &error))
    show_error (self, _("Could Not Remove the Day"), error);
  else
    gk_holidays_dialog_changed (self, _("Day removed"));
}

static GtkWidget *
remove_button_new (GkHolidaysDialog *self,
                   GkWorkday        *day)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove %s"), day->date);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
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
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "add") &&
      !gk_workdays_set_day (add->self->db, gtk_editable_get_text (add->date),
                            gtk_drop_down_get_selected (add->kind) == 0 ? "holiday" : "workday",
                            gtk_editable_get_text (add->name), &error))
    show_error (add->self, _("Could Not Add the Day"), error);
  else if (g_str_equal (response, "add"))
    gk_holidays_dialog_changed (add->self, _("Day added"));
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

typedef struct
{
  const char *contents;
  gint        count;
} ImportJob;

static gboolean
import_days (GkDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  ImportJob *job = user_data;

  job->count = gk_workdays_import (db, job->contents, error);
  return job->count >= 0;
}

static void
gk_holidays_dialog_import (GkHolidaysDialog *self,
                           GFile            *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ImportJob job = { NULL, 0 };

  if (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error))
    {
      job.contents = contents;
      gk_database_write (self->db, import_days, &job, &error);
    }

  if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the Holidays"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %d day",
                                                             "Imported %d days", job.count), job.count);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  }
  gk_holidays_dialog_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_import_response (GtkNativeDialog  *native,
                    int               response,
                    GkHolidaysDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        gk_holidays_dialog_import (self, file);
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
  gk_holidays_dialog_reload (self);
  return GTK_WIDGET (self);
}
