/* gk-findings-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "calendar/gk-calendar-status.h"
#include "core/gk-core-error.h"
#include "core/gk-inspections.h"
#include "gk-form.h"
#include "gk-write-job.h"
#include "gk-findings-window.h"

struct _GkFindingsWindow
{
  AdwWindow        parent_instance;

  GkDatabase      *db;
  gint64           person_id;
  gint64           finding_id;   /* 0: the person's overdue rectifications */

  AdwToastOverlay *toast_overlay;
  GtkBox          *content_box;
};

G_DEFINE_FINAL_TYPE (GkFindingsWindow, gk_findings_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Recording a completion */

typedef struct
{
  GkDatabase              *db;
  gint64                   person_id;
  gint64                   finding_id;
  gint64                   row_version;
  GkRectificationRecorded  done;
  GObject                 *owner;     /* weak */
  GtkWidget               *parent;    /* weak: where the dialog was opened */
  GtkWidget               *date;      /* AdwEntryRow */
  GtkWidget               *note;      /* AdwEntryRow */
  char                    *date_text;
  char                    *note_text;
} Completion;

static void
completion_free (Completion *completion)
{
  g_clear_object (&completion->db);
  g_clear_weak_pointer (&completion->owner);
  g_clear_weak_pointer (&completion->parent);
  g_free (completion->date_text);
  g_free (completion->note_text);
  g_free (completion);
}

/* In a worker, on a connection of its own (gk-write-job.h). */
static gboolean
completion_write (GkDatabase  *db,
                  gpointer     data,
                  GError     **error)
{
  Completion *completion = data;

  return gk_inspections_complete (db, completion->person_id, completion->finding_id, completion->row_version,
                                  completion->date_text, completion->note_text, error);
}

static void
on_completion_written (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Completion *completion = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;
  gboolean conflict;

  if (!gk_write_job_finish (result, &error))
    {
      GtkWidget *message;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Another desktop changed the finding since it was listed: nothing
       * was written, and the list is read again below. */
      conflict = g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT);
      message = adw_message_dialog_new (window_of (completion->parent),
                                        conflict ? _("Someone Changed This Finding First")
                                                 : _("Could Not Record the Rectification"),
                                        conflict ? _("Nothing was recorded: the finding was changed on another "
                                                     "computer after it was shown here. The list now shows it as "
                                                     "it is; record the rectification again if it is still open.")
                                                 : error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      if (!conflict)
        return;
    }
  if (completion->owner != NULL && completion->done != NULL)
    completion->done (completion->owner, error == NULL);
}

static void
on_completion_response (AdwMessageDialog *dialog,
                        const char       *response,
                        Completion       *template)
{
  Completion *completion;

  if (g_strcmp0 (response, "accept") != 0 || template->parent == NULL)
    return;

  completion = g_new0 (Completion, 1);
  completion->db = g_object_ref (template->db);
  completion->person_id = template->person_id;
  completion->finding_id = template->finding_id;
  completion->row_version = template->row_version;
  completion->done = template->done;
  g_set_weak_pointer (&completion->owner, template->owner);
  g_set_weak_pointer (&completion->parent, template->parent);
  completion->date_text = gk_form_get_text (template->date);
  completion->note_text = gk_form_get_text (template->note);
  gk_write_job_run (template->parent, template->db, _("Recording the rectification…"),
                    completion_write, completion, (GDestroyNotify) completion_free,
                    on_completion_written, NULL);
}

void
gk_rectification_dialog_present (GtkWidget               *parent,
                                  GkDatabase              *db,
                                  gint64                   person_id,
                                  gint64                   finding_id,
                                  gint64                   row_version,
                                  const char              *description,
                                  GkRectificationRecorded  done,
                                  GObject                 *owner)
{
  Completion *completion;
  GtkWidget *dialog, *form;
  g_autofree char *today = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (GK_IS_DATABASE (db));

  completion = g_new0 (Completion, 1);
  completion->db = g_object_ref (db);
  completion->person_id = person_id;
  completion->finding_id = finding_id;
  completion->row_version = row_version;
  completion->done = done;
  g_set_weak_pointer (&completion->owner, owner);
  g_set_weak_pointer (&completion->parent, parent);

  today = gk_database_today (db);
  form = gk_form_new ();
  completion->date = gk_form_add_entry (form, _("Completed on (YYYY-MM-DD)"), today);
  completion->note = gk_form_add_entry (form, _("What was done"), NULL);

  dialog = gk_form_dialog_new (window_of (parent), _("Mark Rectified"), description, _("_Mark Rectified"), form);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  g_object_set_data_full (G_OBJECT (dialog), "gk-completion", completion, (GDestroyNotify) completion_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_completion_response), completion);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One finding */

typedef struct
{
  GkDatabase              *db;
  gint64                   person_id;
  gint64                   finding_id;
  gint64                   row_version;
  char                    *description;
  GkRectificationRecorded  done;
  GObject                 *owner;   /* weak */
} RowData;

static void
row_data_free (RowData *data)
{
  g_clear_object (&data->db);
  g_free (data->description);
  g_clear_weak_pointer (&data->owner);
  g_free (data);
}

static void
on_mark_rectified_clicked (GtkButton *button,
                           RowData   *data)
{
  if (data->owner == NULL)
    return;
  gk_rectification_dialog_present (GTK_WIDGET (button), data->db, data->person_id, data->finding_id,
                                   data->row_version, data->description, data->done, data->owner);
}

GtkWidget *
gk_finding_row_new (const GkFinding         *finding,
                    GkDatabase              *db,
                    gint64                   person_id,
                    GkRectificationRecorded  done,
                    GObject                 *owner)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gk_calendar_rectification_badge_new (finding->status);
  g_autofree char *title = g_strdup_printf ("%s: %s", finding->organization, finding->finding);
  g_autofree char *inspection = NULL;
  GString *subtitle = g_string_new (NULL);

  g_return_val_if_fail (finding != NULL, NULL);
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  if (finding->rectification != NULL && finding->completed_date != NULL)
    /* Translators: a finding's rectification, its deadline and when it was completed */
    g_string_append_printf (subtitle, _("Rectification: %s (deadline %s, completed %s)"),
                            finding->rectification, finding->deadline, finding->completed_date);
  else if (finding->rectification != NULL)
    /* Translators: a finding's rectification and its deadline */
    g_string_append_printf (subtitle, _("Rectification: %s (deadline %s)"),
                            finding->rectification, finding->deadline);
  if (finding->rectification != NULL)
    {
      g_string_append_c (subtitle, '\n');
      if (finding->responsible != NULL && finding->responsible[0] != '\0')
        /* Translators: the person who answers for a rectification (整改责任人) */
        g_string_append_printf (subtitle, C_("rectification", "Responsible: %s"), finding->responsible);
      else
        g_string_append (subtitle, C_("rectification", "Responsible: the organization’s principal and secretary"));
    }
  if (finding->completion_note != NULL && finding->completion_note[0] != '\0')
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: what was done to rectify a finding */
      g_string_append_printf (subtitle, _("Done: %s"), finding->completion_note);
    }
  /* Translators: the inspection a finding comes from: its kind and date */
  inspection = g_strdup_printf (_("Found by: %s, %s"), gk_inspection_kind_describe (finding->inspection_kind),
                                finding->inspection_date);
  if (subtitle->len > 0)
    g_string_append_c (subtitle, '\n');
  g_string_append (subtitle, inspection);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  if ((finding->status == GK_RECTIFICATION_OPEN || finding->status == GK_RECTIFICATION_OVERDUE)
      && !gk_database_is_read_only (db) && gk_inspections_may_complete (db, person_id, finding->id))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Mark _Rectified…"));
      RowData *data = g_new0 (RowData, 1);

      data->db = g_object_ref (db);
      data->person_id = person_id;
      data->finding_id = finding->id;
      data->row_version = finding->row_version;
      data->description = g_strdup_printf ("%s\n%s", title, finding->rectification);
      data->done = done;
      g_set_weak_pointer (&data->owner, owner);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "gk-row-data", data, (GDestroyNotify) row_data_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_mark_rectified_clicked), data);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_string_free (subtitle, TRUE);
  return row;
}

/* The window */

static void gk_findings_window_fill (GkFindingsWindow *self);

static void
on_recorded (GObject  *owner,
             gboolean  recorded)
{
  GkFindingsWindow *self = GK_FINDINGS_WINDOW (owner);

  gk_findings_window_fill (self);
  if (recorded)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Rectification recorded")));
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static GtkWidget *
compact_status_page (const char *icon,
                     const char *title,
                     const char *description)
{
  GtkWidget *page = gk_form_status_page (icon, title, description);

  gtk_widget_add_css_class (page, "compact");
  return page;
}

static void
gk_findings_window_fill (GkFindingsWindow *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group;

  gk_form_clear_box (self->content_box);

  if (self->finding_id > 0)
    {
      GkFinding *finding = gk_inspections_get_finding (self->db, self->finding_id, NULL, &error);

      if (finding != NULL)
        {
          findings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_finding_free);
          g_ptr_array_add (findings, finding);
        }
    }
  else
    findings = gk_inspections_overdue_for_person (self->db, self->person_id, NULL, &error);

  if (findings == NULL)
    {
      gtk_box_append (self->content_box,
                      compact_status_page ("dialog-error-symbolic", _("Could Not Read the Findings"), error->message));
      return;
    }
  if (findings->len == 0)
    {
      gtk_box_append (self->content_box,
                      compact_status_page ("emblem-ok-symbolic", _("No Rectification Is Overdue"),
                                   _("Every rectification you answer for is done or still within its deadline.")));
      return;
    }

  group = adw_preferences_group_new ();
  if (self->finding_id == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Inspections found these; you answer for their rectification and its deadline "
                                             "has passed. Record what was done once it is completed."));
  for (guint i = 0; i < findings->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               gk_finding_row_new (g_ptr_array_index (findings, i), self->db, self->person_id,
                                                   on_recorded, G_OBJECT (self)));
  gtk_box_append (self->content_box, group);
}

static void
gk_findings_window_dispose (GObject *object)
{
  GkFindingsWindow *self = GK_FINDINGS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_FINDINGS_WINDOW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (gk_findings_window_parent_class)->dispose (object);
}

static void
gk_findings_window_class_init (GkFindingsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_findings_window_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/supervision/gk-findings-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkFindingsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkFindingsWindow, content_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_findings_window_init (GkFindingsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GkFindingsWindow *
gk_findings_window_new (GtkWindow  *parent,
                        GkDatabase *db,
                        gint64      person_id,
                        gint64      finding_id,
                        const char *title)
{
  GkFindingsWindow *self = g_object_new (GK_TYPE_FINDINGS_WINDOW,
                                         "transient-for", parent,
                                         "title", title,
                                         NULL);

  self->db = g_object_ref (db);
  self->person_id = person_id;
  self->finding_id = finding_id;
  gk_findings_window_fill (self);
  return self;
}

GtkWidget *
gk_findings_window_new_overdue (GtkWindow  *parent,
                                GkDatabase *db,
                                gint64      person_id)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  return GTK_WIDGET (gk_findings_window_new (parent, db, person_id, 0, _("Overdue Rectifications")));
}

GtkWidget *
gk_findings_window_new_for_finding (GtkWindow  *parent,
                                    GkDatabase *db,
                                    gint64      person_id,
                                    gint64      finding_id)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  return GTK_WIDGET (gk_findings_window_new (parent, db, person_id, finding_id, _("Inspection Finding")));
}
