/* gk-calendar-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-catalog.h"
#include "core/gk-choices.h"
#include "core/gk-dates.h"
#include "core/gk-ical.h"
#include "core/gk-inspections.h"
#include "core/gk-obligations.h"
#include "core/gk-workdays.h"
#include "inbox/gk-notice-editor.h"
#include "gk-agenda-list.h"
#include "gk-calendar-status.h"
#include "gk-holidays-dialog.h"
#include "gk-month-view.h"
#include "gk-calendar-page.h"
#include "gk-form.h"
#include "gk-page-sync.h"
#include "gk-write-job.h"

struct _GkCalendarPage
{
  GtkWidget        parent_instance;

  GkContext       *context;
  /* The context's person, as last read (gk_calendar_page_sync()). */
  gint64           person_id;
  GArray          *organization_ids;  /* of the dropdown's rows after "all" */
  GPtrArray       *days;              /* GkCalendarDay of the days shown */
  GPtrArray       *rectifications;    /* GkFinding due on the days shown (督查) */
  GDate            loaded_first;      /* the first day DAYS were read for */
  gboolean         filling;
  GCancellable    *reading;           /* the obligations being computed */

  AdwToastOverlay *toast_overlay;
  GtkLabel        *month_title;
  GtkWidget       *busy_box;
  GtkDropDown     *org_dropdown;
  GtkToggleButton *mine_toggle;
  GtkFlowBox      *toolbar;
  GtkBox          *legend;
  AdwLeaflet      *leaflet;
  GkMonthView     *month_view;
  GtkWidget       *agenda_pane;
  GtkWidget       *back_button;
  GtkLabel        *agenda_title;
  GtkToggleButton *week_toggle;
  GkAgendaList    *agenda;
};

G_DEFINE_FINAL_TYPE (GkCalendarPage, gk_calendar_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GkDatabase *
gk_calendar_page_get_database (GkCalendarPage *self)
{
  return self->context != NULL ? gk_context_get_database (self->context) : NULL;
}

static GtkWindow *
gk_calendar_page_get_window (GkCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
gk_calendar_page_show_message (GkCalendarPage *self,
                               const char     *heading,
                               const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (gk_calendar_page_get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_calendar_page_toast (GkCalendarPage *self,
                        const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
date_iso (const GDate *date)
{
  return gk_date_to_iso (date);
}

/* Filters */

/* GtkDropDown leaves its button unnamed for assistive technologies. */
static void
gk_calendar_page_name_dropdown (GkCalendarPage *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->org_dropdown));
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->org_dropdown);
  g_autofree char *label = NULL;

  if (button == NULL || item == NULL)
    return;
  /* Translators: the accessible name of the organization filter; %s is the
   * organization shown, or All Organizations */
  label = g_strdup_printf (_("Organization: %s"), gtk_string_object_get_string (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
gk_calendar_page_fill_organizations (GkCalendarPage *self)
{
  GkDatabase *db = gk_calendar_page_get_database (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) organizations = NULL;

  g_array_set_size (self->organization_ids, 0);
  gtk_string_list_append (names, _("All Organizations"));
  if (db != NULL)
    organizations = gk_catalog_list_organizations (db, NULL);
  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      GkChoice *choice = g_ptr_array_index (organizations, i);

      gtk_string_list_append (names, choice->name);
      g_array_append_val (self->organization_ids, choice->id);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->org_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->org_dropdown, 0);
  self->filling = FALSE;
  gk_calendar_page_name_dropdown (self);
}

static void
gk_calendar_page_fill_query (GkCalendarPage    *self,
                             GkObligationQuery *query)
{
  query->organization_id = gk_form_selected_id (self->org_dropdown, self->organization_ids, 1);
  if (gtk_toggle_button_get_active (self->mine_toggle))
    /* Nobody chosen: nothing is theirs (-1 matches no person). */
    query->person_id = self->person_id > 0 ? self->person_id : -1;
}

/* The view */

static GkCalendarDay *
find_day (GkCalendarPage *self,
          const char     *iso)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      GkCalendarDay *day = g_ptr_array_index (self->days, i);

      if (g_strcmp0 (day->date, iso) == 0)
        return day;
    }
  return NULL;
}

/* Rectification deadlines (督查整改) beside the obligations: read for the
 * days shown with the same filters (a few rows, on the main loop), on the
 * month grid and, by gk_calendar_page_show_rectifications(), in the
 * agenda. */
static void
gk_calendar_page_load_rectifications (GkCalendarPage          *self,
                                      const GkObligationQuery *query)
{
  GkDatabase *db = gk_calendar_page_get_database (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  if (db != NULL && query->person_id >= 0)
    self->rectifications = gk_inspections_list_deadlines (db, query->from, query->to, query->organization_id,
                                                          query->person_id, query->today, &error);
  if (error != NULL)
    g_warning ("Cannot read the rectification deadlines: %s", error->message);
  gk_month_view_set_rectifications (self->month_view, self->rectifications);
}

/* The N_DAYS from FIRST in the agenda. */
static void
gk_calendar_page_show_rectifications (GkCalendarPage *self,
                                      const GDate    *first,
                                      guint           n_days)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  GDate last = *first;
  g_autofree char *from = date_iso (first);
  g_autofree char *to = NULL;

  g_date_add_days (&last, n_days - 1);
  to = date_iso (&last);
  for (guint i = 0; self->rectifications != NULL && i < self->rectifications->len; i++)
    {
      GkFinding *finding = g_ptr_array_index (self->rectifications, i);

      if (g_strcmp0 (finding->deadline, from) >= 0 && g_strcmp0 (finding->deadline, to) <= 0)
        g_ptr_array_add (shown, finding);
    }
  gk_agenda_list_set_rectifications (self->agenda, shown);
}

/* In a read-only file the actions that write are disabled, their buttons
 * saying why; who is at the desk is asked when an action starts. */
static void
gk_calendar_page_update_actions (GkCalendarPage *self)
{
  static const char * const writes[] = { "calendar.new-plan", "calendar.waive", "calendar.record-event" };
  GkDatabase *db = gk_calendar_page_get_database (self);
  g_autofree char *read_only = db != NULL && gk_database_is_read_only (db)
    /* Translators: the tooltip of a disabled control; %s says why, e.g. “you may not change this file or the folder it is in” */
    ? g_strdup_printf (_("The database is read-only: %s"), gk_database_get_read_only_reason (db)) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writes[i], db != NULL && read_only == NULL);
  gk_agenda_list_set_read_only (self->agenda, read_only);
}

static void
gk_calendar_page_update_agenda (GkCalendarPage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  gboolean week = gtk_toggle_button_get_active (self->week_toggle);
  GDate date, first;
  g_autofree char *title = NULL;
  guint n_days = week ? 7 : 1;

  gk_month_view_get_date (self->month_view, &date);
  first = date;
  if (week)
    g_date_subtract_days (&first, g_date_get_weekday (&date) - G_DATE_MONDAY);

  for (guint i = 0; i < n_days; i++)
    {
      GDate day = first;
      g_autofree char *iso = NULL;
      GkCalendarDay *found;

      g_date_add_days (&day, i);
      iso = date_iso (&day);
      found = find_day (self, iso);
      if (found != NULL)
        g_ptr_array_add (shown, found);
    }
  gk_calendar_page_show_rectifications (self, &first, n_days);
  gk_calendar_page_update_actions (self);
  gk_agenda_list_set_days (self->agenda, shown, week);

  if (week)
    {
      GDate last = first;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *first_iso = date_iso (&first);
      g_autofree char *last_iso = NULL;

      g_date_add_days (&last, 6);
      last_iso = date_iso (&last);
      /* Translators: the first day of the week in the agenda's title; a g_date_time_format() format */
      from = gk_calendar_format_date (first_iso, _("%B %-e"));
      /* Translators: the last day of the week in the agenda's title; a g_date_time_format() format */
      to = gk_calendar_format_date (last_iso, _("%B %-e"));
      /* Translators: the agenda's title for a week: from – to */
      title = g_strdup_printf (_("Week of %s – %s"), from, to);
    }
  else
    {
      g_autofree char *iso = date_iso (&date);

      /* Translators: the agenda's title for a day; a g_date_time_format() format */
      title = gk_calendar_format_date (iso, _("%A, %B %-e, %Y"));
    }
  gtk_label_set_text (self->agenda_title, title);
}

static void
gk_calendar_page_update_title (GkCalendarPage *self)
{
  GDate date;
  g_autofree char *iso = NULL;
  g_autofree char *title = NULL;

  gk_month_view_get_date (self->month_view, &date);
  iso = date_iso (&date);
  /* Translators: the month view's title; a g_date_time_format() format
   * (2026年3月: "%Y年%-m月") */
  title = gk_calendar_format_date (iso, _("%B %Y"));
  gtk_label_set_text (self->month_title, title);
}

static gboolean
agenda_has_focus (GkCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->agenda));
}

static void
gk_calendar_page_report_error (GkCalendarPage *self,
                               const GError   *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s says why */
  message = g_strdup_printf (_("Could not read the calendar: %s"), error->message);
  gk_calendar_page_toast (self, message);
}

/* DAYS (GkCalendarDay), or NULL while none are read, on the month view and
 * in the agenda. */
static void
gk_calendar_page_show_days (GkCalendarPage *self,
                            GPtrArray      *days)
{
  /* The agenda's rows are about to go: a focus left on one of them (the
   * button that opened a dialog) would be a destroyed widget for the
   * accessibility bus, which GTK 4.8 does not survive. */
  if (agenda_has_focus (self))
    gk_month_view_focus_date (self->month_view);

  g_clear_pointer (&self->days, g_ptr_array_unref);
  self->days = days != NULL ? g_ptr_array_ref (days) : NULL;
  gk_month_view_set_days (self->month_view, days);
  gk_calendar_page_update_title (self);
  gk_calendar_page_update_agenda (self);
}

static void
on_days_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GkCalendarPage) self = user_data;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  days = gk_obligations_by_day_finish (result, &error);
  /* A newer reload took over, or the page is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->reading);
  gtk_widget_set_visible (self->busy_box, FALSE);
  if (error != NULL)
    gk_calendar_page_report_error (self, error);
  gk_calendar_page_show_days (self, days);
}

/* Reads the six weeks shown again: after a change of month, filter, person
 * or database, and after every action. The obligations are computed on a
 * worker (gk_obligations_by_day_async()) and shown when they are ready; a
 * newer reload cancels an older one. */
void
gk_calendar_page_reload (GkCalendarPage *self)
{
  GkDatabase *db;
  GkObligationQuery query = { 0 };
  g_autoptr(GPtrArray) workdays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  gboolean same_days;
  GDate first, last;

  g_return_if_fail (GK_IS_CALENDAR_PAGE (self));

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  /* A hidden tab computes nothing (gk_calendar_page_sync()). */
  if (gk_page_sync_defer (GTK_WIDGET (self), GK_PAGE_SYNC_DATA))
    return;

  db = gk_calendar_page_get_database (self);
  gk_month_view_get_range (self->month_view, &first, &last);
  same_days = g_date_valid (&self->loaded_first) && g_date_compare (&first, &self->loaded_first) == 0;
  self->loaded_first = first;

  if (db != NULL)
    {
      GDate today_date;

      today = gk_database_today (db);
      if (gk_date_parse (today, &today_date, NULL))
        gk_month_view_set_today (self->month_view, &today_date);

      from = date_iso (&first);
      to = date_iso (&last);
      query.from = from;
      query.to = to;
      query.today = today;
      gk_calendar_page_fill_query (self, &query);
      workdays = gk_workdays_list (db, from, to, &error);
      gk_calendar_page_load_rectifications (self, &query);
    }

  if (error != NULL)
    gk_calendar_page_report_error (self, error);
  gk_month_view_set_workdays (self->month_view, workdays);

  /* Other days: nothing shown until theirs are read. The same days (a
   * refresh, another filter) stay until replaced, without flickering. */
  if (db == NULL || !same_days)
    gk_calendar_page_show_days (self, NULL);
  gtk_widget_set_visible (self->busy_box, db != NULL);
  if (db == NULL)
    return;

  self->reading = g_cancellable_new ();
  gk_obligations_by_day_async (db, &query, self->reading, on_days_read, g_object_ref (self));
}

static void
on_date_changed (GkCalendarPage *self)
{
  GDate first;

  gk_month_view_get_range (self->month_view, &first, NULL);
  if (!g_date_valid (&self->loaded_first) || g_date_compare (&first, &self->loaded_first) != 0)
    gk_calendar_page_reload (self);
  else
    {
      gk_calendar_page_update_title (self);
      gk_calendar_page_update_agenda (self);
    }
}

static void
on_filter_changed (GkCalendarPage *self)
{
  gk_calendar_page_name_dropdown (self);
  if (!self->filling)
    gk_calendar_page_reload (self);
}

static void
on_span_toggled (GkCalendarPage  *self,
                 GtkToggleButton *button)
{
  /* Each change toggles both buttons of the group: act once. */
  if (gtk_toggle_button_get_active (button))
    gk_calendar_page_update_agenda (self);
}

static void
on_day_activated (GkCalendarPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->agenda_pane);
  else
    gtk_widget_child_focus (self->agenda_pane, GTK_DIR_TAB_FORWARD);
}

static void
on_back_clicked (GkCalendarPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->month_view));
  gk_month_view_focus_date (self->month_view);
}

static void
on_folded_changed (GkCalendarPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
gk_calendar_page_build_legend (GkCalendarPage *self)
{
  static const GkObligationStatus order[] = {
    GK_OBLIGATION_OVERDUE, GK_OBLIGATION_DUE_SOON, GK_OBLIGATION_OPEN,
    GK_OBLIGATION_PLANNED, GK_OBLIGATION_DONE, GK_OBLIGATION_WAIVED,
  };
  struct {
    const char *mark;
    const char *text;
    const char *css_class;
  } markers[] = {
    { C_("day", "Off"), _("Public holiday"), "gk-holiday" },
    { C_("day", "Work"), _("Make-up working day"), "gk-makeup-day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    gtk_box_append (self->legend, gk_calendar_status_badge_new (order[i]));
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *mark = gtk_label_new (markers[i].mark);
      GtkWidget *text = gtk_label_new (markers[i].text);

      gtk_widget_add_css_class (mark, "day-marker");
      gtk_widget_add_css_class (mark, markers[i].css_class);
      gtk_widget_add_css_class (text, "caption");
      gtk_box_append (GTK_BOX (box), mark);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (self->legend, box);
    }
}

/* The toolbar takes as many lines as the width needs; its flow box
 * children are not items to focus. */
static void
flow_box_unfocus_children (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* Actions */

static void
gk_calendar_page_move_months (GkCalendarPage *self,
                              int             months)
{
  GDate date;

  gk_month_view_get_date (self->month_view, &date);
  if (months > 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  gk_month_view_set_date (self->month_view, &date);
}

static void
gk_calendar_page_previous_month_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  gk_calendar_page_move_months (GK_CALENDAR_PAGE (widget), -1);
}

static void
gk_calendar_page_next_month_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  gk_calendar_page_move_months (GK_CALENDAR_PAGE (widget), 1);
}

static void
gk_calendar_page_today_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->month_view), "month-view.today", NULL);
}

static void
gk_calendar_page_open_notice_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  gtk_widget_activate_action_variant (widget, "win.show-notice", parameter);
}

static gboolean
gk_calendar_page_check_person (GkCalendarPage *self)
{
  GkDatabase *db = gk_calendar_page_get_database (self);

  if (db == NULL)
    return FALSE;
  /* A read-only file (the window's banner says why): nothing to record. */
  if (gk_database_is_read_only (db))
    {
      gk_calendar_page_show_message (self, _("This Database Is Read-Only"),
                                     gk_database_get_read_only_reason (db));
      return FALSE;
    }
  if (self->person_id > 0)
    return TRUE;
  gk_calendar_page_show_message (self, _("Who Are You?"),
                                 _("Choose who you are with the button in the header bar first."));
  return FALSE;
}

static void
gk_calendar_page_new_plan_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (widget);
  GtkWidget *editor;

  if (!gk_calendar_page_check_person (self))
    return;

  editor = gk_notice_editor_new (gk_calendar_page_get_window (self), gk_calendar_page_get_database (self),
                                 self->person_id, NULL, g_variant_get_int64 (parameter));
  g_signal_connect_object (editor, "saved", G_CALLBACK (gk_calendar_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* An entry in a message dialog, its response enabled only when it has text. */
static GtkWidget *
dialog_entry (const char *response,
              const char *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), accessible_label);
  g_object_set_data (G_OBJECT (entry), "gk-response", (gpointer) response);
  return entry;
}

static const char *
entry_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
has_text (GtkWidget *entry)
{
  for (const char *p = entry_text (entry); *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
on_required_changed (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (entry));
  gboolean complete = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_EDITABLE (child) && !has_text (child))
      complete = FALSE;
  adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (entry), "gk-response"), complete);
}

static void
gk_calendar_page_action_failed (GkCalendarPage *self,
                                const char     *heading,
                                const GError   *error)
{
  gk_calendar_page_show_message (self, heading, error->message);
}

typedef struct
{
  GkCalendarPage *page;
  gint64          item_id;
  char           *rule;
  char           *period;
  GtkWidget      *first;
  GtkWidget      *second;
} ActionDialog;

static void
action_dialog_free (ActionDialog *data)
{
  g_object_unref (data->page);
  g_free (data->rule);
  g_free (data->period);
  g_free (data);
}

static GtkWidget *
action_dialog_new (GkCalendarPage *self,
                   const char     *heading,
                   const char     *body,
                   const char     *response,
                   const char     *response_label,
                   ActionDialog   *data,
                   const char     *first_label,
                   const char     *second_label)
{
  GtkWidget *dialog = adw_message_dialog_new (gk_calendar_page_get_window (self), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data->page = g_object_ref (self);
  data->first = dialog_entry (response, first_label);
  gtk_box_append (GTK_BOX (box), data->first);
  g_signal_connect (data->first, "changed", G_CALLBACK (on_required_changed), dialog);
  if (second_label != NULL)
    {
      data->second = dialog_entry (response, second_label);
      gtk_box_append (GTK_BOX (box), data->second);
      g_signal_connect (data->second, "changed", G_CALLBACK (on_required_changed), dialog);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "gk-action", data, (GDestroyNotify) action_dialog_free);
  return dialog;
}

/* A waiver or an event, written on a worker (gk-write-job.h): what it
 * needs, and what to say when it fails or is done. */
typedef struct
{
  gint64      person_id;
  gint64      item_id;
  char       *rule;
  char       *period;
  char       *date;
  char       *text;
  const char *failed;
  const char *done;
} CalendarWrite;

static void
calendar_write_free (CalendarWrite *write)
{
  g_free (write->rule);
  g_free (write->period);
  g_free (write->date);
  g_free (write->text);
  g_free (write);
}

static gboolean
waive_write (GkDatabase  *db,
             gpointer     data,
             GError     **error)
{
  CalendarWrite *write = data;

  return gk_obligations_waive (db, write->person_id, write->item_id, write->rule, write->period,
                               write->text, error);
}

static gboolean
record_event_write (GkDatabase  *db,
                    gpointer     data,
                    GError     **error)
{
  CalendarWrite *write = data;

  return gk_obligations_record_event (db, write->person_id, write->item_id, write->date,
                                      write->text, error) > 0;
}

static void
on_calendar_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (source);
  CalendarWrite *write = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;

  if (gk_write_job_finish (result, &error))
    gk_calendar_page_toast (self, _(write->done));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_calendar_page_action_failed (self, _(write->failed), error);
  gk_calendar_page_reload (self);
}

static void
gk_calendar_page_write (GkCalendarPage    *self,
                        const char        *progress,
                        GkDatabaseJobFunc  func,
                        CalendarWrite     *write)
{
  GkDatabase *db = gk_calendar_page_get_database (self);

  if (db == NULL)
    {
      calendar_write_free (write);
      return;
    }
  write->person_id = self->person_id;
  gk_write_job_run (GTK_WIDGET (self), db, progress, func, write, (GDestroyNotify) calendar_write_free,
                    on_calendar_written, NULL);
}

static void
on_waive_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ActionDialog     *data)
{
  CalendarWrite *write;

  if (!g_str_equal (response, "waive"))
    return;

  write = g_new0 (CalendarWrite, 1);
  write->item_id = data->item_id;
  write->rule = g_strdup (data->rule);
  write->period = g_strdup (data->period);
  write->text = g_strstrip (g_strdup (entry_text (data->first)));
  write->failed = N_("Could Not Waive the Obligation");
  write->done = N_("Obligation waived");
  gk_calendar_page_write (data->page, _("Waiving the obligation…"), waive_write, write);
}

static void
gk_calendar_page_waive_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (widget);
  ActionDialog *data;
  GtkWidget *dialog;

  if (!gk_calendar_page_check_person (self))
    return;

  data = g_new0 (ActionDialog, 1);
  g_variant_get (parameter, "(xss)", &data->item_id, &data->rule, &data->period);
  dialog = action_dialog_new (self, _("Waive This Obligation?"),
                              _("A waived obligation is no longer due. Party office or the principal of a "
                                "responsible organization may waive it; the reason is kept in the audit trail."),
                              "waive", _("_Waive"), data, _("Reason"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "waive", FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_waive_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_record_event_response (AdwMessageDialog *dialog,
                          const char       *response,
                          ActionDialog     *data)
{
  g_autoptr(GError) error = NULL;
  CalendarWrite *write;
  GDate parsed;

  if (!g_str_equal (response, "record"))
    return;

  write = g_new0 (CalendarWrite, 1);
  write->item_id = data->item_id;
  write->date = g_strstrip (g_strdup (entry_text (data->first)));
  write->text = g_strstrip (g_strdup (entry_text (data->second)));
  write->failed = N_("Could Not Record the Event");
  write->done = N_("Event recorded");
  /* A bad date is said at once, without a write. */
  if (!gk_date_parse (write->date, &parsed, &error))
    {
      gk_calendar_page_action_failed (data->page, _(write->failed), error);
      calendar_write_free (write);
      return;
    }
  gk_calendar_page_write (data->page, _("Recording the event…"), record_event_write, write);
}

static void
gk_calendar_page_record_event_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (widget);
  ActionDialog *data;
  GtkWidget *dialog;
  GDate date;
  g_autofree char *iso = NULL;

  if (!gk_calendar_page_check_person (self))
    return;

  data = g_new0 (ActionDialog, 1);
  data->item_id = g_variant_get_int64 (parameter);
  dialog = action_dialog_new (self, _("Record an Event"),
                              _("The event starts the item’s deadline: a decision taken, a result made final. "
                                "Give its date as YYYY-MM-DD."),
                              "record", _("_Record"), data, _("Date"), _("What happened"));
  gk_month_view_get_date (self->month_view, &date);
  iso = date_iso (&date);
  gtk_editable_set_text (GTK_EDITABLE (data->first), iso);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record", FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_record_event_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The .ics file: computed and written on a worker, on a connection of
 * its own; a year of obligations is too much for the main loop. The
 * worker reads QUERY and FILE; the callback frees it all. */
typedef struct
{
  GkCalendarPage    *page;
  GkObligationQuery  query;
  GFile             *file;
} IcalExport;

static void
ical_export_free (IcalExport *export)
{
  g_clear_object (&export->page);
  g_clear_object (&export->file);
  g_free (export);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcalExport, ical_export_free)

static gboolean
ical_export_in_worker (GkDatabase  *db,
                       gpointer     data,
                       GError     **error)
{
  IcalExport *export = data;
  g_autofree char *text = gk_ical_export (db, &export->query, error);

  return text != NULL &&
    g_file_replace_contents (export->file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                             NULL, NULL, error);
}

static void
on_ical_exported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(IcalExport) export = user_data;
  GkCalendarPage *self = export->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *message = NULL;

  if (!gk_database_run_finish (GK_DATABASE (source), result, &error))
    {
      gk_calendar_page_action_failed (self, _("Could Not Export the Calendar"), error);
      return;
    }
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Calendar exported to %s"), display);
  gk_calendar_page_toast (self, message);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    GkCalendarPage  *self)
{
  GkDatabase *db = gk_calendar_page_get_database (self);
  IcalExport *export;
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && db != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL)
    return;

  export = g_new0 (IcalExport, 1);
  export->page = g_object_ref (self);
  export->file = file;
  /* Everything the filters show, over the default range: a year back
   * and the year ahead, so that a subscription stays useful. */
  gk_calendar_page_fill_query (self, &export->query);
  gk_database_run_async (db, ical_export_in_worker, export, NULL, NULL, NULL, NULL,
                         on_ical_exported, export);
}

static void
gk_calendar_page_export_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (gk_calendar_page_get_database (self) == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Calendar"), gk_calendar_page_get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the file name suggested for the calendar export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("disclosure-calendar.ics"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
gk_calendar_page_holidays_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (widget);
  GkDatabase *db = gk_calendar_page_get_database (self);
  GtkWidget *dialog;

  if (db == NULL)
    return;

  dialog = gk_holidays_dialog_new (gk_calendar_page_get_window (self), db);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (gk_calendar_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

/* gk-page-sync.h: a hidden tab computes nothing, as at start-up, when the
 * window shows another tab, whose first frame should not share the
 * processor with this. Another person changes only "mine". */
static void
gk_calendar_page_sync (GtkWidget         *widget,
                       GkPageSyncChanges  changes)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (widget);

  self->person_id = self->context != NULL ? gk_context_get_person_id (self->context) : 0;
  if (changes != GK_PAGE_SYNC_PERSON || gtk_toggle_button_get_active (self->mine_toggle))
    gk_calendar_page_reload (self);
}

static void
gk_calendar_page_dispose (GObject *object)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (object);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  g_clear_pointer (&self->organization_ids, g_array_unref);

  G_OBJECT_CLASS (gk_calendar_page_parent_class)->dispose (object);
}

static void
gk_calendar_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_calendar_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GkCalendarPage *self = GK_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      gk_calendar_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_calendar_page_class_init (GkCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_calendar_page_dispose;
  object_class->get_property = gk_calendar_page_get_property;
  object_class->set_property = gk_calendar_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         GK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GK_TYPE_MONTH_VIEW);
  g_type_ensure (GK_TYPE_AGENDA_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/calendar/gk-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, month_title);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, busy_box);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, org_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, legend);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, agenda_pane);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, agenda_title);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, week_toggle);
  gtk_widget_class_bind_template_child (widget_class, GkCalendarPage, agenda);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_span_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_day_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, gk_calendar_page_previous_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, gk_calendar_page_next_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, gk_calendar_page_today_action);
  gtk_widget_class_install_action (widget_class, "calendar.open-notice", "x", gk_calendar_page_open_notice_action);
  gtk_widget_class_install_action (widget_class, "calendar.new-plan", "x", gk_calendar_page_new_plan_action);
  gtk_widget_class_install_action (widget_class, "calendar.waive", "(xss)", gk_calendar_page_waive_action);
  gtk_widget_class_install_action (widget_class, "calendar.record-event", "x", gk_calendar_page_record_event_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, gk_calendar_page_export_action);
  gtk_widget_class_install_action (widget_class, "calendar.holidays", NULL, gk_calendar_page_holidays_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_calendar_page_init (GkCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gk_calendar_ensure_style ();

  self->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->loaded_first, 1);

  gk_calendar_page_build_legend (self);
  flow_box_unfocus_children (self->toolbar);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self,
                           G_CONNECT_SWAPPED);
  on_folded_changed (self);
  gk_calendar_page_fill_organizations (self);
  gk_page_sync_init (GTK_WIDGET (self), gk_calendar_page_sync, GK_PAGE_SYNC_WHEN_MAPPED);
  gk_calendar_page_reload (self);
}

GkContext *
gk_calendar_page_get_context (GkCalendarPage *self)
{
  g_return_val_if_fail (GK_IS_CALENDAR_PAGE (self), NULL);

  return self->context;
}

void
gk_calendar_page_set_context (GkCalendarPage *self,
                              GkContext      *context)
{
  GkDatabase *db;

  g_return_if_fail (GK_IS_CALENDAR_PAGE (self));
  g_return_if_fail (context == NULL || GK_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  /* Another database: start at its today. */
  db = gk_calendar_page_get_database (self);
  if (db != NULL)
    {
      g_autofree char *today = gk_database_today (db);
      GDate date;

      if (gk_date_parse (today, &date, NULL))
        {
          gk_month_view_set_today (self->month_view, &date);
          gk_month_view_set_date (self->month_view, &date);
        }
    }
  gk_calendar_page_fill_organizations (self);
  gk_page_sync_set_context (GTK_WIDGET (self), context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
