/* gk-summary-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-choices.h"
#include "core/gk-report.h"
#include "gk-a11y.h"
#include "gk-form.h"
#include "gk-report-widgets.h"
#include "gk-summary-view.h"

struct _GkSummaryView
{
  GtkWidget        parent_instance;

  GkDatabase      *db;
  gint64           person_id;
  GArray          *organization_ids;   /* of the dropdown's rows */
  gboolean         filling;
  gboolean         stale;              /* filled when next shown */

  AdwToastOverlay *toast_overlay;
  GtkDropDown     *org_dropdown;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkBox          *report_box;
};

G_DEFINE_FINAL_TYPE (GkSummaryView, gk_summary_view, GTK_TYPE_WIDGET)

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static gint64
selected_organization (GkSummaryView *self)
{
  return gk_form_selected_id (self->org_dropdown, self->organization_ids, 0);
}

static void
gk_summary_view_update_actions (GkSummaryView *self)
{
  gboolean can = self->db != NULL && self->organization_ids->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.show", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export-pdf", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export-csv", can);
}

static void
gk_summary_view_fill (GkSummaryView *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  self->stale = FALSE;
  gk_form_clear_box (self->report_box);
  if (self->db == NULL)
    return;

  if (self->organization_ids->len == 0)
    {
      gtk_box_append (self->report_box,
                      gk_form_status_page ("x-office-document-symbolic", _("No Organization to Report On"),
                                   _("The disclosure summary is made by the secretary or the principal of an "
                                     "organization, or by party office and inspectors.")));
      return;
    }

  if (selected_organization (self) == 0)
    {
      gtk_box_append (self->report_box,
                      gk_form_status_page ("dialog-error-symbolic", _("Could Not Compute the Summary"),
                                   _("Choose an organization you report on.")));
      return;
    }
  /* On a worker: a long period reads much of the file. */
  from = entry_text (self->from_entry);
  to = entry_text (self->to_entry);
  gk_report_widgets_load_report (self->report_box, self->db, selected_organization (self), 0, from, to,
                                 _("Could Not Compute the Summary"));
}

static void
on_changed (GkSummaryView *self)
{
  if (!self->filling)
    gk_summary_view_fill (self);
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gk_summary_view_fill (GK_SUMMARY_VIEW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GkSummaryView *self = GK_SUMMARY_VIEW (widget);
  g_autofree char *name = NULL;
  /* What is shown is what is exported. */
  const GkReport *report = gk_report_widgets_get_shown (self->report_box);

  if (report == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Export the Summary"),
                                                  _("The summary is not shown yet: choose the period, "
                                                    "Show it, and export it once it has been computed."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* Translators: the file name suggested for the period summary, without
   * its extension: the organization, the first and the last day */
  name = g_strdup_printf (_("disclosure-summary-%s-%s-%s"), report->short_name, report->from, report->to);
  gk_report_widgets_export (widget, self->toast_overlay, self->report_box, name,
                            g_str_equal (action_name, "summary.export-pdf"));
}

/* A summary is computed when it is looked at, not with every reload of the
 * tab that holds it. */
static void
gk_summary_view_map (GtkWidget *widget)
{
  GkSummaryView *self = GK_SUMMARY_VIEW (widget);

  GTK_WIDGET_CLASS (gk_summary_view_parent_class)->map (widget);
  if (self->stale)
    gk_summary_view_fill (self);
}

static void
gk_summary_view_dispose (GObject *object)
{
  GkSummaryView *self = GK_SUMMARY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_SUMMARY_VIEW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->organization_ids, g_array_unref);

  G_OBJECT_CLASS (gk_summary_view_parent_class)->dispose (object);
}

static void
gk_summary_view_class_init (GkSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_summary_view_dispose;
  widget_class->map = gk_summary_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/supervision/gk-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GkSummaryView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkSummaryView, org_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkSummaryView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, GkSummaryView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, GkSummaryView, report_box);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "summary.show", NULL, show_action);
  gtk_widget_class_install_action (widget_class, "summary.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "summary.export-csv", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_summary_view_init (GkSummaryView *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
  self->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gk_a11y_name_drop_down (self->org_dropdown, _("Organization"));
  gk_summary_view_update_actions (self);
}

GtkWidget *
gk_summary_view_new (void)
{
  return g_object_new (GK_TYPE_SUMMARY_VIEW, NULL);
}

void
gk_summary_view_set_database (GkSummaryView *self,
                              GkDatabase    *db,
                              gint64         person_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GK_IS_SUMMARY_VIEW (self));
  g_return_if_fail (db == NULL || GK_IS_DATABASE (db));

  g_set_object (&self->db, db);
  self->person_id = person_id;

  g_array_set_size (self->organization_ids, 0);
  if (db != NULL && person_id > 0)
    organizations = gk_report_summary_organizations (db, person_id, &error);
  if (error != NULL)
    g_warning ("Cannot read the organizations to report on: %s", error->message);
  for (guint i = 0; organizations != NULL && i < organizations->len; i++)
    {
      GkChoice *choice = g_ptr_array_index (organizations, i);

      gtk_string_list_append (names, choice->detail != NULL && choice->detail[0] != '\0'
                                     ? choice->detail : choice->name);
      g_array_append_val (self->organization_ids, choice->id);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->org_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->org_dropdown, 0);
  if (db != NULL)
    {
      /* This year so far: what a 述职 report usually covers. */
      g_autofree char *today = gk_database_today (db);
      g_autofree char *first = g_strdup_printf ("%.4s-01-01", today);

      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), first);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), today);
    }
  self->filling = FALSE;

  gk_summary_view_update_actions (self);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gk_summary_view_fill (self);
  else
    gk_form_clear_box (self->report_box);
}

GtkWidget *
gk_summary_window_new (GtkWindow  *parent,
                       GkDatabase *db,
                       gint64      person_id)
{
  GtkWidget *window, *box, *view;
  GtkEventController *shortcuts;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  window = g_object_new (ADW_TYPE_WINDOW,
                         "transient-for", parent,
                         "title", _("Disclosure Summary"),
                         "default-width", 860,
                         "default-height", 640,
                         NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  view = gk_summary_view_new ();
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gk_summary_view_set_database (GK_SUMMARY_VIEW (view), db, person_id);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  return window;
}
