/* gk-supervision-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-audit.h"
#include "core/gk-audit-query.h"
#include "core/gk-catalog.h"
#include "core/gk-choices.h"
#include "core/gk-dashboard.h"
#include "core/gk-dates.h"
#include "core/gk-inspections.h"
#include "core/gk-report.h"
#include "gk-a11y.h"
#include "gk-form.h"
#include "gk-write-job.h"
#include "gk-page-sync.h"
#include "inbox/gk-feedback-dialogs.h"
#include "gk-findings-window.h"
#include "gk-report-widgets.h"
#include "gk-request-window.h"
#include "gk-summary-view.h"
#include "gk-supervision-page.h"

#define AUDIT_PAGE_SIZE 100

struct _GkSupervisionPage
{
  GtkWidget        parent_instance;

  GkContext       *context;
  /* The context's person, as last read (gk_supervision_page_sync()). */
  gint64           person_id;
  GArray          *organization_ids;   /* of the report's dropdown rows */
  GArray          *people_ids;         /* of the audit dropdown's rows after "everyone" */
  gboolean         filling;

  guint            audit_offset;
  gint64           audit_count;
  gint64           audit_event_id;     /* a single event shown, or 0 */
  gint64           broken_id;          /* the first broken event, or 0 */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkWidget       *new_inspection_button;
  GtkWidget       *record_opinion_button;
  GtkBox          *dashboard_box;
  GtkSpinButton   *year_spin;
  GtkDropDown     *report_org_dropdown;
  GtkBox          *report_box;
  GtkBox          *inspections_box;
  GkSummaryView   *summary_view;
  GtkBox          *feedback_box;
  GtkDropDown     *audit_person_dropdown;
  GtkEntry        *audit_notice_entry;
  GtkEntry        *audit_from_entry;
  GtkEntry        *audit_to_entry;
  GtkLabel        *audit_status;
  GtkListView     *audit_list;
  GtkLabel        *audit_page_label;
  GtkStringList   *audit_model;
};

G_DEFINE_FINAL_TYPE (GkSupervisionPage, gk_supervision_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GkDatabase *
get_database (GkSupervisionPage *self)
{
  return self->context != NULL ? gk_context_get_database (self->context) : NULL;
}

static GtkWindow *
get_window (GkSupervisionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (GkSupervisionPage *self,
              const char        *heading,
              const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (GkSupervisionPage *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The dashboard (a) */

static const char *
dashboard_kind_describe (GkDashboardKind kind)
{
  switch (kind)
    {
    case GK_DASHBOARD_OBLIGATION:
      return _("Overdue Disclosures");
    case GK_DASHBOARD_NOTICE:
      return _("Stuck Notices");
    case GK_DASHBOARD_APPLICATION:
      return _("Applications Due");
    case GK_DASHBOARD_RECTIFICATION:
      return _("Overdue Rectifications");
    default:
      return "";
    }
}

static char *
dashboard_line_subtitle (const GkDashboardLine *line)
{
  if (line->kind == GK_DASHBOARD_NOTICE)
    /* Translators: a stuck notice: the day its state began, and for how long */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Since %s, %d working day",
                                         "Since %s, %d working days", line->days),
                            line->date, line->days);
  if (line->days > 0)
    /* Translators: a due date, and how late */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %s, %d working day late",
                                         "Due %s, %d working days late", line->days),
                            line->date, line->days);
  /* Translators: a due date, and how many working days are left */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %s, %d working day left",
                                       "Due %s, %d working days left", -line->days),
                          line->date, -line->days);
}

static void gk_supervision_page_fill_dashboard (GkSupervisionPage *self);

static void
on_dashboard_row_activated (AdwActionRow      *row,
                            GkSupervisionPage *self)
{
  GkDashboardKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");

  switch (kind)
    {
    case GK_DASHBOARD_NOTICE:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-notice", "x", id);
      break;

    case GK_DASHBOARD_OBLIGATION:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "calendar");
      break;

    case GK_DASHBOARD_RECTIFICATION:
      gtk_stack_set_visible_child_name (self->stack, "inspections");
      break;

    case GK_DASHBOARD_APPLICATION:
      {
        GtkWidget *window = gk_request_window_new (get_window (self), get_database (self), self->person_id, id);

        g_signal_connect_object (window, "changed", G_CALLBACK (gk_supervision_page_fill_dashboard), self,
                                 G_CONNECT_SWAPPED);
        gtk_window_present (GTK_WINDOW (window));
      }
      break;

    default:
      break;
    }
}

static gboolean
dashboard_read (GkDatabase  *db,
                gpointer     data,
                GError     **error)
{
  GPtrArray **lines = data;

  *lines = gk_dashboard_list (db, NULL, error);
  return *lines != NULL;
}

static void
dashboard_lines_free (GPtrArray **lines)
{
  g_clear_pointer (lines, g_ptr_array_unref);
  g_free (lines);
}

static void
dashboard_fill (GtkBox   *box,
                gpointer  data)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (box),
                                                                          GK_TYPE_SUPERVISION_PAGE));
  GPtrArray *lines = *(GPtrArray **) data;
  GtkWidget *groups[4] = { NULL, };

  if (self == NULL)
    return;
  if (lines->len == 0)
    {
      gtk_box_append (box,
                      gk_form_status_page ("emblem-ok-symbolic", _("Nothing Is Overdue"),
                                   _("Every disclosure, notice, application and rectification is on time.")));
      return;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      GkDashboardLine *line = g_ptr_array_index (lines, i);
      g_autofree char *subtitle = dashboard_line_subtitle (line);
      GtkWidget *row;
      guint k = (guint) line->kind < G_N_ELEMENTS (groups) ? (guint) line->kind : 0;

      if (groups[k] == NULL)
        {
          groups[k] = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[k]),
                                           dashboard_kind_describe (line->kind));
          gtk_box_append (self->dashboard_box, groups[k]);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (line->days > 0)
        {
          GtkWidget *late = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (late, "error");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), late);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (line->kind));
      g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&line->id, sizeof line->id), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_dashboard_row_activated), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[k]), row);
    }
}

/* On a worker: the dashboard reads the whole file. */
static void
gk_supervision_page_fill_dashboard (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);

  if (db == NULL)
    {
      gk_form_clear_box (self->dashboard_box);
      return;
    }
  gk_report_widgets_load (self->dashboard_box, db, _("Could Not Read the Dashboard"),
                          dashboard_read, g_new0 (GPtrArray *, 1), (GDestroyNotify) dashboard_lines_free,
                          dashboard_fill);
}

/* The annual report (b) */

static void
gk_supervision_page_fill_organizations (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) organizations = NULL;

  g_array_set_size (self->organization_ids, 0);
  if (db != NULL)
    organizations = gk_catalog_list_organizations (db, NULL);
  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      GkChoice *choice = g_ptr_array_index (organizations, i);

      gtk_string_list_append (names, choice->detail != NULL && choice->detail[0] != '\0'
                                     ? choice->detail : choice->name);
      g_array_append_val (self->organization_ids, choice->id);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->report_org_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->report_org_dropdown, 0);
  self->filling = FALSE;
}

static gint64
selected_organization (GkSupervisionPage *self)
{
  return gk_form_selected_id (self->report_org_dropdown, self->organization_ids, 0);
}

static void
gk_supervision_page_fill_report (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);

  if (db == NULL)
    {
      gk_form_clear_box (self->report_box);
      return;
    }
  gk_report_widgets_load_report (self->report_box, db, selected_organization (self),
                                 gtk_spin_button_get_value_as_int (self->year_spin), NULL, NULL,
                                 _("Could Not Compute the Report"));
}

static void
on_report_changed (GkSupervisionPage *self)
{
  if (!self->filling)
    gk_supervision_page_fill_report (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (widget);
  g_autofree char *name = NULL;

  /* What is shown is what is exported. */
  if (gk_report_widgets_get_shown (self->report_box) == NULL)
    {
      show_message (self, _("Could Not Export the Report"),
                    _("The report is not shown yet: export it once it has been computed."));
      return;
    }
  /* Translators: the file name suggested for the annual report, without
   * its extension; %d is the year */
  name = g_strdup_printf (_("disclosure-report-%d"), gtk_spin_button_get_value_as_int (self->year_spin));
  gk_report_widgets_export (widget, self->toast_overlay, self->report_box, name,
                            g_str_equal (action_name, "supervision.export-pdf"));
}

/* Inspections (c) */

/* Why nothing may be changed, for a tooltip: NULL when the file is writable. */
static char *
read_only_tooltip (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);

  if (db == NULL || !gk_database_is_read_only (db))
    return NULL;
  return g_strdup_printf (_("The database is read-only: %s"), gk_database_get_read_only_reason (db));
}

static void
gk_supervision_page_update_actions (GkSupervisionPage *self)
{
  g_autofree char *read_only = read_only_tooltip (self);
  gboolean writable = get_database (self) != NULL && read_only == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.new-inspection", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.record-opinion", writable);
  gtk_widget_set_tooltip_text (self->new_inspection_button, read_only);
  gtk_widget_set_tooltip_text (self->record_opinion_button,
                               read_only != NULL ? read_only
                               : _("Record a public-opinion note (舆情), about one notice or in general"));
}

static GtkWidget *
form_dialog (GkSupervisionPage *self,
             const char        *heading,
             const char        *accept,
             GtkWidget         *form)
{
  GtkWidget *dialog = gk_form_dialog_new (get_window (self), heading, NULL, accept, form);

  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  return dialog;
}

static char *
row_text (GObject    *dialog,
          const char *key)
{
  GtkWidget *row = g_object_get_data (dialog, key);

  return gk_form_get_text (row);
}

static void gk_supervision_page_fill_inspections (GkSupervisionPage *self);

/* An inspection or a finding, written by a worker on a connection of
 * its own (gk-write-job.h): waiting for another desktop shows in the tab. */
typedef struct
{
  gint64            person_id;
  gint64            inspection_id;     /* a finding of it; 0: a new inspection */
  GkInspectionKind  kind;
  char             *inspectors;
  char             *scope;
  char             *date;
  gint64            organization_id;
  char             *finding;
  char             *rectification;
  char             *deadline;
  gint64            responsible_id;
} Record;

static void
record_free (Record *record)
{
  g_free (record->inspectors);
  g_free (record->scope);
  g_free (record->date);
  g_free (record->finding);
  g_free (record->rectification);
  g_free (record->deadline);
  g_free (record);
}

static gboolean
record_write (GkDatabase  *db,
              gpointer     data,
              GError     **error)
{
  Record *record = data;

  if (record->inspection_id == 0)
    return gk_inspections_new (db, record->person_id, record->kind, record->inspectors,
                               record->scope, record->date, error) > 0;
  return gk_inspections_add_finding (db, record->person_id, record->inspection_id, record->organization_id,
                                     record->finding, record->rectification, record->deadline,
                                     record->responsible_id, error) > 0;
}

static void
after_change (GkSupervisionPage *self,
              const char        *message)
{
  gk_supervision_page_fill_inspections (self);
  gk_supervision_page_fill_dashboard (self);
  toast (self, message);
}

static void
on_record_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (source), GK_TYPE_SUPERVISION_PAGE);
  Record *record = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;

  if (page == NULL)
    return;
  if (gk_write_job_finish (result, &error))
    after_change (GK_SUPERVISION_PAGE (page),
                  record->inspection_id == 0 ? _("Inspection recorded") : _("Finding recorded"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (GK_SUPERVISION_PAGE (page),
                  record->inspection_id == 0 ? _("Could Not Record the Inspection")
                                             : _("Could Not Record the Finding"),
                  error->message);
}

static void
record_run (GkSupervisionPage *self,
            Record            *record)
{
  record->person_id = self->person_id;
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), get_database (self),
                    record->inspection_id == 0 ? _("Recording the inspection…") : _("Recording the finding…"),
                    record_write, record, (GDestroyNotify) record_free, on_record_written, NULL);
}

static void
on_new_inspection_response (AdwMessageDialog  *dialog,
                            const char        *response,
                            GkSupervisionPage *self)
{
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  Record *record;

  if (g_strcmp0 (response, "accept") != 0 || get_database (self) == NULL)
    return;

  record = g_new0 (Record, 1);
  record->kind = gtk_drop_down_get_selected (kind) == 1 ? GK_INSPECTION_SPECIAL : GK_INSPECTION_ROUTINE;
  record->inspectors = row_text (G_OBJECT (dialog), "inspectors");
  record->scope = row_text (G_OBJECT (dialog), "scope");
  record->date = row_text (G_OBJECT (dialog), "date");
  record_run (self, record);
}

static void
new_inspection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (widget);
  GtkWidget *form = gk_form_new ();
  GtkWidget *dialog;
  GtkWidget *kind_row = adw_action_row_new ();
  const char *kinds[] = {
    gk_inspection_kind_describe (GK_INSPECTION_ROUTINE),
    gk_inspection_kind_describe (GK_INSPECTION_SPECIAL),
    NULL,
  };
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);
  g_autofree char *today = NULL;

  if (get_database (self) == NULL)
    return;
  today = gk_database_today (get_database (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (kind_row), kind);
  gtk_list_box_append (GTK_LIST_BOX (form), kind_row);

  dialog = form_dialog (self, _("New Inspection"), _("_Record"), form);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  /* The usual inspecting office, as data in the measures' words (第十九条). */
  g_object_set_data (G_OBJECT (dialog), "inspectors", gk_form_add_entry (form, _("By whom"), "党委办公室"));
  g_object_set_data (G_OBJECT (dialog), "scope", gk_form_add_entry (form, _("Scope"), NULL));
  g_object_set_data (G_OBJECT (dialog), "date", gk_form_add_entry (form, _("Date (YYYY-MM-DD)"), today));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_inspection_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_finding_response (AdwMessageDialog  *dialog,
                         const char        *response,
                         GkSupervisionPage *self)
{
  GtkDropDown *org = g_object_get_data (G_OBJECT (dialog), "organization");
  GtkDropDown *responsible = g_object_get_data (G_OBJECT (dialog), "responsible");
  gint64 inspection_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "inspection");
  Record *record;

  if (g_strcmp0 (response, "accept") != 0 || get_database (self) == NULL)
    return;

  record = g_new0 (Record, 1);
  record->inspection_id = inspection_id;
  record->organization_id = gk_form_selected_id (org, self->organization_ids, 0);
  /* The first choice: nobody named, the principal and the secretary answer. */
  record->responsible_id = gk_form_selected_id (responsible, self->people_ids, 1);
  record->finding = row_text (G_OBJECT (dialog), "finding");
  record->rectification = row_text (G_OBJECT (dialog), "rectification");
  if (record->rectification != NULL)
    record->deadline = row_text (G_OBJECT (dialog), "deadline");
  else
    record->responsible_id = 0;
  record_run (self, record);
}

static void
on_add_finding_clicked (GtkButton         *button,
                        GkSupervisionPage *self)
{
  gint64 *inspection_id = g_object_get_data (G_OBJECT (button), "inspection");
  GtkWidget *form = gk_form_new ();
  GtkWidget *org_row = adw_action_row_new ();
  GtkWidget *org = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (gtk_drop_down_get_model (self->report_org_dropdown))), NULL);
  GtkWidget *responsible_row = adw_action_row_new ();
  GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (self->audit_person_dropdown));
  GtkStringList *people;
  GtkWidget *dialog, *responsible;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (org_row), _("Organization"));
  gtk_widget_set_valign (org, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (org_row), org);
  gtk_list_box_append (GTK_LIST_BOX (form), org_row);

  dialog = form_dialog (self, _("Add Finding"), _("_Add"), form);
  g_object_set_data (G_OBJECT (dialog), "organization", org);
  g_object_set_data_full (G_OBJECT (dialog), "inspection",
                          g_memdup2 (inspection_id, sizeof *inspection_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "finding", gk_form_add_entry (form, _("Finding"), NULL));
  g_object_set_data (G_OBJECT (dialog), "rectification",
                     gk_form_add_entry (form, _("Rectification required (empty: none)"), NULL));
  g_object_set_data (G_OBJECT (dialog), "deadline", gk_form_add_entry (form, _("Deadline (YYYY-MM-DD)"), NULL));

  /* The people of the audit trail's filter, after its "everyone". */
  people = gtk_string_list_new (NULL);
  gtk_string_list_append (people, _("The organization’s principal and secretary"));
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    gtk_string_list_append (people, gtk_string_list_get_string (names, i));
  responsible = gtk_drop_down_new (G_LIST_MODEL (people), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (responsible), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (responsible),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_valign (responsible, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (responsible_row), _("Who answers for the rectification"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (responsible_row), responsible);
  gk_a11y_name_drop_down (GTK_DROP_DOWN (responsible), _("Who answers for the rectification"));
  gtk_list_box_append (GTK_LIST_BOX (form), responsible_row);
  g_object_set_data (G_OBJECT (dialog), "responsible", responsible);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_finding_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rectification_recorded (GObject  *owner,
                           gboolean  recorded)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (owner);

  if (recorded)
    after_change (self, _("Rectification recorded"));
  else
    gk_supervision_page_fill_inspections (self);
}

static void
gk_supervision_page_fill_inspections (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *read_only = read_only_tooltip (self);

  gk_supervision_page_update_actions (self);
  gk_form_clear_box (self->inspections_box);
  if (db == NULL)
    return;

  inspections = gk_inspections_list (db, NULL, NULL, &error);
  if (inspections == NULL)
    {
      gtk_box_append (self->inspections_box,
                      gk_form_status_page ("dialog-error-symbolic", _("Could Not Read the Inspections"),
                                   error->message));
      return;
    }
  if (inspections->len == 0)
    {
      gtk_box_append (self->inspections_box,
                      gk_form_status_page ("security-high-symbolic", _("No Inspections"),
                                   _("Record a routine inspection or a special supervision with New Inspection.")));
      return;
    }

  for (guint i = 0; i < inspections->len; i++)
    {
      GkInspection *inspection = g_ptr_array_index (inspections, i);
      GkFindingQuery query = { .inspection_id = inspection->id };
      g_autoptr(GPtrArray) findings = gk_inspections_list_findings (db, &query, NULL);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Finding…"));
      g_autofree char *title = g_strdup_printf ("%s %s · %s", inspection->inspection_date,
                                                gk_inspection_kind_describe (inspection->kind),
                                                inspection->scope);
      /* Translators: an inspection: by whom, how many findings, how many still open */
      g_autofree char *description = g_strdup_printf (_("By %s; %u findings, %u open"),
                                                      inspection->inspectors,
                                                      inspection->n_findings, inspection->n_open);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_sensitive (button, read_only == NULL);
      gtk_widget_set_tooltip_text (button, read_only);
      g_object_set_data_full (G_OBJECT (button), "inspection",
                              g_memdup2 (&inspection->id, sizeof inspection->id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_finding_clicked), self, 0);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

      for (guint j = 0; findings != NULL && j < findings->len; j++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   gk_finding_row_new (g_ptr_array_index (findings, j), db, self->person_id,
                                                       on_rectification_recorded, G_OBJECT (self)));
      gtk_box_append (self->inspections_box, group);
    }
}

/* Feedback and public opinion (第十六条) */

static void
gk_supervision_page_fill_feedback (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);
  g_autoptr(GPtrArray) feedback = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *opinions, *others;

  gk_form_clear_box (self->feedback_box);
  if (db == NULL)
    return;

  feedback = gk_feedback_list (db, 0, &error);
  if (feedback == NULL)
    {
      gtk_box_append (self->feedback_box,
                      gk_form_status_page ("dialog-error-symbolic", _("Could Not Read the Feedback"), error->message));
      return;
    }

  opinions = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (opinions), _("Public Opinion"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (opinions),
                                         _("Major public opinion (重大舆情) is to be reported upward at once."));
  others = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (others), _("Feedback"));
  for (guint i = 0; i < feedback->len; i++)
    {
      GkFeedback *item = g_ptr_array_index (feedback, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (item->is_opinion ? opinions : others),
                                 gk_feedback_row_new (item, TRUE));
    }
  gtk_box_append (self->feedback_box, opinions);
  gtk_box_append (self->feedback_box, others);
  if (feedback->len == 0)
    {
      gk_form_clear_box (self->feedback_box);
      gtk_box_append (self->feedback_box,
                      gk_form_status_page ("mail-read-symbolic", _("No Feedback Recorded"),
                                   _("Feedback is recorded from a published notice’s detail in the Approvals tab; "
                                     "public opinion with Record Opinion.")));
    }
}

static void
on_opinion_recorded (GObject *owner,
                     gint64   notice_id)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (owner);

  gk_supervision_page_fill_feedback (self);
  toast (self, _("Public opinion recorded"));
}

static void
record_opinion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (widget);

  if (get_database (self) != NULL)
    gk_feedback_opinion_dialog_present (widget, get_database (self), self->person_id, 0,
                                        on_opinion_recorded, G_OBJECT (self));
}

/* The audit trail (d) */

static void
gk_supervision_page_fill_people (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;

  g_array_set_size (self->people_ids, 0);
  gtk_string_list_append (names, _("Everyone"));
  if (db != NULL)
    people = gk_choices_people (db, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      GkChoice *choice = g_ptr_array_index (people, i);

      gtk_string_list_append (names, choice->name);
      g_array_append_val (self->people_ids, choice->id);
    }
  gtk_drop_down_set_model (self->audit_person_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->audit_person_dropdown, 0);
}

static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
gk_supervision_page_fill_audit (GkSupervisionPage *self)
{
  GkDatabase *db = get_database (self);
  GkAuditQuery query = { .limit = AUDIT_PAGE_SIZE };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *page = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_drop_down_get_selected (self->audit_person_dropdown);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->audit_model));
  guint pages;

  if (db == NULL)
    {
      gtk_string_list_splice (self->audit_model, 0, n_before, NULL);
      return;
    }

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->people_ids->len)
    query.person_id = g_array_index (self->people_ids, gint64, selected - 1);
  notice = gk_form_get_text (GTK_WIDGET (self->audit_notice_entry));
  if (notice != NULL)
    query.notice_id = g_ascii_strtoll (notice, NULL, 10);
  from = gk_form_get_text (GTK_WIDGET (self->audit_from_entry));
  to = gk_form_get_text (GTK_WIDGET (self->audit_to_entry));
  query.from = from;
  query.to = to;
  query.event_id = self->audit_event_id;

  self->audit_count = gk_audit_query_count (db, &query, &error);
  if (self->audit_count < 0)
    {
      gtk_label_set_text (self->audit_status, error->message);
      gtk_string_list_splice (self->audit_model, 0, n_before, NULL);
      return;
    }
  if (self->audit_offset >= self->audit_count)
    self->audit_offset = self->audit_count > 0
                         ? (guint) ((self->audit_count - 1) / AUDIT_PAGE_SIZE) * AUDIT_PAGE_SIZE : 0;
  query.offset = self->audit_offset;

  entries = gk_audit_query_list (db, &query, &error);
  if (entries == NULL)
    {
      gtk_label_set_text (self->audit_status, error->message);
      gtk_string_list_splice (self->audit_model, 0, n_before, NULL);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GkAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = local_time (entry->at);
      g_autofree char *changes = gk_audit_entry_describe_changes (entry);
      const char *who = entry->person != NULL && entry->person[0] != '\0' ? entry->person : _("System");

      /* id, when and who, what, old → new: split by the row factory */
      g_ptr_array_add (strings,
                       g_strdup_printf ("%" G_GINT64_FORMAT "\t%s · %s · %s\t%s #%" G_GINT64_FORMAT " %s\t%s",
                                        entry->id, when, who, entry->os_user != NULL ? entry->os_user : "",
                                        entry->entity, entry->entity_id, entry->action,
                                        changes != NULL ? changes : ""));
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->audit_model, 0, n_before, (const char * const *) strings->pdata);

  pages = (guint) ((self->audit_count + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE);
  count = g_strdup_printf ("%" G_GINT64_FORMAT, self->audit_count);
  /* Translators: the audit trail's pager: page, pages, and the number of events */
  page = g_strdup_printf (_("Page %u of %u (%s events)"),
                          self->audit_offset / AUDIT_PAGE_SIZE + 1, MAX (pages, 1), count);
  gtk_label_set_text (self->audit_page_label, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.audit-previous", self->audit_offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.audit-next",
                                 self->audit_offset + AUDIT_PAGE_SIZE < self->audit_count);
}

static void
on_audit_filter_changed (GkSupervisionPage *self)
{
  /* The newest events first: the last page. */
  self->audit_offset = G_MAXUINT;
  self->audit_event_id = 0;
  gk_supervision_page_fill_audit (self);
}

static void
audit_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (widget);

  if (g_str_equal (action_name, "supervision.audit-next"))
    self->audit_offset += AUDIT_PAGE_SIZE;
  else
    self->audit_offset = self->audit_offset > AUDIT_PAGE_SIZE ? self->audit_offset - AUDIT_PAGE_SIZE : 0;
  gk_supervision_page_fill_audit (self);
}

typedef struct
{
  GkSupervisionPage *self;
  gint64             broken;  /* the first event whose hash does not match */
} ChainCheck;

static gboolean
verify_chain_run (GkDatabase  *db,
                  gpointer     data,
                  GError     **error)
{
  ChainCheck *check = data;

  return gk_audit_verify (db, &check->broken, error);
}

static void
on_chain_verified (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ChainCheck *check = user_data;
  g_autoptr(GkSupervisionPage) self = check->self;
  gint64 broken = check->broken;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_free (check);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.verify-chain", TRUE);
  if (gk_database_run_finish (GK_DATABASE (source), result, &error))
    {
      self->broken_id = 0;
      /* Translators: the result of Verify Chain */
      gtk_label_set_text (self->audit_status, _("Audit chain verified: ok"));
      gtk_widget_add_css_class (GTK_WIDGET (self->audit_status), "success");
      toast (self, _("Audit chain verified: ok"));
      gk_supervision_page_fill_audit (self);
      return;
    }

  self->broken_id = broken;
  if (broken > 0)
    /* Translators: the result of Verify Chain: the first event whose hash does not match */
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, broken);

      text = g_strdup_printf (_("Audit chain broken at event %s: %s"), number, error->message);
    }
  else
    text = g_strdup_printf (_("Could not verify the audit chain: %s"), error->message);
  gtk_label_set_text (self->audit_status, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->audit_status), "error");
  if (broken > 0)
    {
      /* Show the broken event alone, highlighted. */
      self->audit_event_id = broken;
      self->audit_offset = 0;
      gk_supervision_page_fill_audit (self);
    }
}

/* On a worker: the chain is every event of the file. */
static void
verify_chain_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (widget);
  GkDatabase *db = get_database (self);
  ChainCheck *check;

  if (db == NULL)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->audit_status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->audit_status), "success");
  gtk_label_set_text (self->audit_status, _("Verifying the audit chain…"));
  gtk_widget_action_set_enabled (widget, "supervision.verify-chain", FALSE);
  check = g_new0 (ChainCheck, 1);
  check->self = g_object_ref (self);
  gk_database_run_async (db, verify_chain_run, check, NULL, NULL, NULL, NULL, on_chain_verified, check);
}

static void
setup_audit_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *who = gtk_label_new (NULL);
  GtkWidget *changes = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_widget_add_css_class (what, "heading");
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_widget_add_css_class (who, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (changes), 0);
  gtk_label_set_wrap (GTK_LABEL (changes), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (changes), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (changes), TRUE);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), changes);
  gtk_list_item_set_child (item, box);
}

static void
bind_audit_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GkSupervisionPage        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *what = gtk_widget_get_first_child (box);
  GtkWidget *who = gtk_widget_get_next_sibling (what);
  GtkWidget *changes = gtk_widget_get_next_sibling (who);
  const char *string = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_auto(GStrv) fields = g_strsplit (string, "\t", 4);
  gint64 id = g_ascii_strtoll (fields[0], NULL, 10);
  g_autofree char *accessible = NULL;

  if (g_strv_length (fields) < 4)
    return;
  gtk_label_set_text (GTK_LABEL (what), fields[2]);
  gtk_label_set_text (GTK_LABEL (who), fields[1]);
  gtk_label_set_text (GTK_LABEL (changes), fields[3]);
  gtk_widget_set_visible (changes, fields[3][0] != '\0');
  if (self->broken_id > 0 && id == self->broken_id)
    {
      gtk_widget_add_css_class (what, "error");
      gtk_widget_add_css_class (changes, "error");
    }
  else
    {
      gtk_widget_remove_css_class (what, "error");
      gtk_widget_remove_css_class (changes, "error");
    }
  accessible = g_strdup_printf ("%s, %s, %s", fields[2], fields[1], fields[3]);
  gk_a11y_name_list_row (box, accessible);
}

/* The page */

void
gk_supervision_page_reload (GkSupervisionPage *self)
{
  g_return_if_fail (GK_IS_SUPERVISION_PAGE (self));

  /* A hidden tab waits (gk_supervision_page_sync()). */
  if (gk_page_sync_defer (GTK_WIDGET (self), GK_PAGE_SYNC_DATA))
    return;

  /* Only for those who may see it: the window hides the tab for others. */
  gk_summary_view_set_database (self->summary_view, get_database (self), self->person_id);
  gk_supervision_page_fill_dashboard (self);
  gk_supervision_page_fill_report (self);
  gk_supervision_page_fill_inspections (self);
  gk_supervision_page_fill_feedback (self);
  gk_supervision_page_fill_audit (self);
}

/* gk-page-sync.h: a hidden tab waits until it is shown, for its dashboard
 * and reports read the whole file, which must not hold up the window's
 * first frame. The window shows the tab only to those who may see it. */
static void
gk_supervision_page_sync (GtkWidget         *widget,
                          GkPageSyncChanges  changes)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (widget);

  self->person_id = self->context != NULL ? gk_context_get_person_id (self->context) : 0;
  gk_supervision_page_reload (self);
}

static void
gk_supervision_page_dispose (GObject *object)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_SUPERVISION_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->audit_model);
  g_clear_pointer (&self->organization_ids, g_array_unref);
  g_clear_pointer (&self->people_ids, g_array_unref);

  G_OBJECT_CLASS (gk_supervision_page_parent_class)->dispose (object);
}

static void
gk_supervision_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (object);

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
gk_supervision_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GkSupervisionPage *self = GK_SUPERVISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      gk_supervision_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_supervision_page_class_init (GkSupervisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_supervision_page_dispose;
  object_class->get_property = gk_supervision_page_get_property;
  object_class->set_property = gk_supervision_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         GK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GK_TYPE_SUMMARY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/supervision/gk-supervision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, new_inspection_button);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, record_opinion_button);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, dashboard_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, report_org_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, report_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, inspections_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, audit_person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, audit_notice_entry);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, audit_from_entry);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, audit_to_entry);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, audit_status);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, audit_list);
  gtk_widget_class_bind_template_child (widget_class, GkSupervisionPage, audit_page_label);
  gtk_widget_class_bind_template_callback (widget_class, on_report_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_filter_changed);

  gtk_widget_class_install_action (widget_class, "supervision.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "supervision.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "supervision.new-inspection", NULL, new_inspection_action);
  gtk_widget_class_install_action (widget_class, "supervision.record-opinion", NULL, record_opinion_action);
  gtk_widget_class_install_action (widget_class, "supervision.audit-previous", NULL, audit_page_action);
  gtk_widget_class_install_action (widget_class, "supervision.audit-next", NULL, audit_page_action);
  gtk_widget_class_install_action (widget_class, "supervision.verify-chain", NULL, verify_chain_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_supervision_page_init (GkSupervisionPage *self)
{
  GtkListItemFactory *factory;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
  gk_a11y_name_drop_down (self->report_org_dropdown, _("Organization"));
  gk_a11y_name_drop_down (self->audit_person_dropdown, _("Person"));

  self->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->audit_model = gtk_string_list_new (NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_audit_row), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_audit_row), self, 0);
  gtk_list_view_set_factory (self->audit_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->audit_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->audit_model)))));
  g_signal_connect_object (self->audit_person_dropdown, "notify::selected",
                           G_CALLBACK (on_audit_filter_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.audit-previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.audit-next", FALSE);
  gk_page_sync_init (GTK_WIDGET (self), gk_supervision_page_sync, GK_PAGE_SYNC_WHEN_MAPPED);
}

GkContext *
gk_supervision_page_get_context (GkSupervisionPage *self)
{
  g_return_val_if_fail (GK_IS_SUPERVISION_PAGE (self), NULL);

  return self->context;
}

void
gk_supervision_page_set_context (GkSupervisionPage *self,
                                 GkContext         *context)
{
  GkDatabase *db;

  g_return_if_fail (GK_IS_SUPERVISION_PAGE (self));
  g_return_if_fail (context == NULL || GK_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  db = get_database (self);
  self->filling = TRUE;
  if (db != NULL)
    {
      g_autofree char *today = gk_database_today (db);

      if (today != NULL && strlen (today) >= 4)
        gtk_spin_button_set_value (self->year_spin, g_ascii_strtoll (today, NULL, 10));
    }
  self->filling = FALSE;
  self->broken_id = 0;
  self->audit_event_id = 0;
  self->audit_offset = G_MAXUINT;
  gtk_label_set_text (self->audit_status, "");
  gk_supervision_page_fill_organizations (self);
  g_signal_handlers_block_by_func (self->audit_person_dropdown, on_audit_filter_changed, self);
  gk_supervision_page_fill_people (self);
  g_signal_handlers_unblock_by_func (self->audit_person_dropdown, on_audit_filter_changed, self);
  gk_page_sync_set_context (GTK_WIDGET (self), context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
