/* gk-feedback-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-feedback.h"
#include "core/gk-notices.h"
#include "gk-a11y.h"
#include "gk-form.h"
#include "gk-write-job.h"
#include "gk-feedback-dialogs.h"

typedef struct
{
  GtkWidget  *parent;      /* weak: the page */
  GkDatabase *db;
  gint64      person_id;
  gint64      notice_id;
  GtkWidget  *channel;     /* GtkDropDown */
  GtkWidget  *severity;    /* GtkDropDown */
  GtkWidget  *notice;      /* AdwEntryRow: the notice's number, or NULL */
  GtkWidget  *content;     /* AdwEntryRow */
  GtkWidget  *date;        /* AdwEntryRow */
  GkFeedbackRecorded done;
  GObject    *owner;       /* weak */
} Form;

static void
form_free (Form *form)
{
  g_clear_weak_pointer (&form->parent);
  g_clear_weak_pointer (&form->owner);
  g_clear_object (&form->db);
  g_free (form);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GtkWidget    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (parent), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
form_dialog (Form       *form,
             const char *heading,
             const char *accept,
             GtkWidget  *list)
{
  GtkWidget *dialog = gk_form_dialog_new (window_of (form->parent), heading, NULL, accept, list);

  g_object_set_data_full (G_OBJECT (dialog), "gk-form", form, (GDestroyNotify) form_free);
  return dialog;
}

static Form *
form_new (GtkWidget  *parent,
          GkDatabase *db,
          gint64      person_id,
          gint64      notice_id)
{
  Form *form = g_new0 (Form, 1);

  g_set_weak_pointer (&form->parent, parent);
  form->db = g_object_ref (db);
  form->person_id = person_id;
  form->notice_id = notice_id;
  return form;
}

/* A note or a clarification, written by a worker on a connection of its
 * own (gk-write-job.h): waiting for another desktop shows in PARENT's
 * window. */
typedef enum
{
  NOTE_FEEDBACK,
  NOTE_OPINION,
  NOTE_CLARIFICATION,
} NoteKind;

typedef struct
{
  NoteKind            kind;
  gint64              person_id;
  gint64              notice_id;
  guint               choice;      /* the channel or the severity */
  char               *content;
  char               *date;
  gint64              id;          /* what was written */
  GkFeedbackRecorded  done;
  GObject            *owner;       /* weak */
} Note;

static void
note_free (Note *note)
{
  g_free (note->content);
  g_free (note->date);
  g_clear_weak_pointer (&note->owner);
  g_free (note);
}

static gboolean
note_write (GkDatabase  *db,
            gpointer     data,
            GError     **error)
{
  Note *note = data;

  switch (note->kind)
    {
    case NOTE_FEEDBACK:
      note->id = gk_feedback_new (db, note->person_id, note->notice_id,
                                  note->choice <= GK_FEEDBACK_ONLINE ? (GkFeedbackChannel) note->choice
                                                                      : GK_FEEDBACK_MAILBOX,
                                  note->content, note->date, error);
      break;
    case NOTE_OPINION:
      note->id = gk_feedback_new_opinion (db, note->person_id, note->notice_id,
                                          note->choice <= GK_SEVERITY_HIGH ? (GkSeverity) note->choice
                                                                            : GK_SEVERITY_LOW,
                                          note->content, note->date, error);
      break;
    case NOTE_CLARIFICATION:
    default:
      note->id = gk_feedback_issue_clarification (db, note->person_id, note->notice_id, 0,
                                                  note->content, note->date, error);
      break;
    }
  return note->id > 0;
}

static void
on_note_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  static const char * const headings[] = {
    N_("Could Not Record the Feedback"),
    N_("Could Not Record the Opinion"),
    N_("Could Not Issue the Clarification"),
  };
  GtkWidget *parent = GTK_WIDGET (source);
  Note *note = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;

  if (!gk_write_job_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (parent, _(headings[note->kind]), error);
      return;
    }
  switch (note->kind)
    {
    case NOTE_OPINION:
      if (note->owner != NULL && note->done != NULL)
        note->done (note->owner, note->notice_id);
      break;
    case NOTE_CLARIFICATION:
      /* The new draft, to go through the normal procedure. */
      gtk_widget_activate_action (parent, "win.show-notice", "x", note->id);
      break;
    case NOTE_FEEDBACK:
    default:
      /* The detail pane reads the notice again: its section shows the feedback. */
      gtk_widget_activate_action (parent, "win.show-notice", "x", note->notice_id);
      break;
    }
}

static void
note_run (Form     *form,
          NoteKind  kind,
          gint64    notice_id,
          guint     choice)
{
  Note *note = g_new0 (Note, 1);
  static const char * const progress[] = {
    N_("Recording the feedback…"),
    N_("Recording the opinion…"),
    N_("Creating the clarification’s draft…"),
  };

  note->kind = kind;
  note->person_id = form->person_id;
  note->notice_id = notice_id;
  note->choice = choice;
  note->content = gk_form_get_text (form->content);
  note->date = gk_form_get_text (form->date);
  note->done = form->done;
  g_set_weak_pointer (&note->owner, form->owner);
  gk_write_job_run (form->parent, form->db, _(progress[kind]), note_write, note, (GDestroyNotify) note_free,
                    on_note_written, NULL);
}

static void
on_feedback_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Form             *form)
{
  if (g_strcmp0 (response, "accept") != 0 || form->parent == NULL)
    return;

  note_run (form, NOTE_FEEDBACK, form->notice_id, gtk_drop_down_get_selected (GTK_DROP_DOWN (form->channel)));
}

static void
on_record_feedback_clicked (GtkButton *button,
                            Form      *template)
{
  Form *form = form_new (template->parent, template->db, template->person_id, template->notice_id);
  GtkWidget *list = gk_form_new ();
  GtkWidget *channel_row = adw_action_row_new ();
  const char *channels[] = {
    gk_feedback_channel_describe (GK_FEEDBACK_MAILBOX),
    gk_feedback_channel_describe (GK_FEEDBACK_MEETING),
    gk_feedback_channel_describe (GK_FEEDBACK_PHONE),
    gk_feedback_channel_describe (GK_FEEDBACK_ONLINE),
    NULL,
  };
  g_autofree char *today = gk_database_today (form->db);
  GtkWidget *dialog;

  form->channel = gtk_drop_down_new_from_strings (channels);
  gtk_widget_set_valign (form->channel, GTK_ALIGN_CENTER);
  gk_a11y_name_drop_down (GTK_DROP_DOWN (form->channel), _("Channel"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (channel_row), _("Channel"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (channel_row), form->channel);
  gtk_list_box_append (GTK_LIST_BOX (list), channel_row);
  form->content = gk_form_add_entry (list, _("What was said"), NULL);
  form->date = gk_form_add_entry (list, _("Received on (YYYY-MM-DD)"), today);

  dialog = form_dialog (form, _("Record Feedback"), _("_Record"), list);
  g_signal_connect (dialog, "response", G_CALLBACK (on_feedback_response), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_opinion_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Form             *form)
{
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;
  gint64 notice_id = form->notice_id;

  if (g_strcmp0 (response, "accept") != 0 || form->parent == NULL)
    return;

  number = form->notice != NULL ? gk_form_get_text (form->notice) : NULL;
  if (number != NULL && !g_ascii_string_to_signed (number, 10, 1, G_MAXINT64, &notice_id, &error))
    {
      show_error (form->parent, _("Could Not Record the Opinion"), error);
      return;
    }
  note_run (form, NOTE_OPINION, notice_id, gtk_drop_down_get_selected (GTK_DROP_DOWN (form->severity)));
}

void
gk_feedback_opinion_dialog_present (GtkWidget          *parent,
                                    GkDatabase         *db,
                                    gint64              person_id,
                                    gint64              notice_id,
                                    GkFeedbackRecorded  done,
                                    GObject            *owner)
{
  Form *form;
  GtkWidget *list = gk_form_new ();
  GtkWidget *severity_row = adw_action_row_new ();
  const char *severities[] = {
    gk_severity_describe (GK_SEVERITY_LOW),
    gk_severity_describe (GK_SEVERITY_MEDIUM),
    gk_severity_describe (GK_SEVERITY_HIGH),
    NULL,
  };
  g_autofree char *today = NULL;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (GK_IS_DATABASE (db));

  form = form_new (parent, db, person_id, notice_id);
  form->done = done;
  g_set_weak_pointer (&form->owner, owner);
  today = gk_database_today (db);

  form->severity = gtk_drop_down_new_from_strings (severities);
  gtk_widget_set_valign (form->severity, GTK_ALIGN_CENTER);
  gk_a11y_name_drop_down (GTK_DROP_DOWN (form->severity), _("Severity"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (severity_row), _("Severity"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (severity_row), form->severity);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (severity_row), form->severity);
  gtk_list_box_append (GTK_LIST_BOX (list), severity_row);
  if (notice_id == 0)
    form->notice = gk_form_add_entry (list, _("About notice number (empty: none)"), NULL);
  form->content = gk_form_add_entry (list, _("What is being said"), NULL);
  form->date = gk_form_add_entry (list, _("Noted on (YYYY-MM-DD)"), today);

  dialog = form_dialog (form, _("Record Public Opinion"), _("_Record"), list);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("A note of major severity (重大舆情) is flagged to be reported upward at once (Article 16)."));
  g_signal_connect (dialog, "response", G_CALLBACK (on_opinion_response), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_section_opinion_recorded (GObject *owner,
                             gint64   notice_id)
{
  /* The detail pane reads the notice again: its section shows the note. */
  gtk_widget_activate_action (GTK_WIDGET (owner), "win.show-notice", "x", notice_id);
}

static void
on_record_opinion_clicked (GtkButton *button,
                           Form      *template)
{
  if (template->parent != NULL)
    gk_feedback_opinion_dialog_present (template->parent, template->db, template->person_id, template->notice_id,
                                        on_section_opinion_recorded, G_OBJECT (template->parent));
}

static GtkWidget *
badge (const char *icon_name,
       const char *text,
       const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  /* The words say it: the icon is decoration for assistive technologies. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  return box;
}

GtkWidget *
gk_feedback_row_new (const GkFeedback *item,
                     gboolean          with_notice)
{
  GtkWidget *row = adw_action_row_new ();
  GString *subtitle = g_string_new (NULL);

  g_return_val_if_fail (item != NULL, NULL);

  g_string_append_printf (subtitle, "%s · %s · %s", item->received_date,
                          item->is_opinion
                          /* Translators: a public-opinion note (舆情) in a list, beside its date */
                          ? _("Public opinion") : gk_feedback_channel_describe (item->channel),
                          item->recorded_by);
  if (with_notice)
    {
      g_string_append_c (subtitle, '\n');
      if (item->notice_id > 0)
        /* Translators: the notice a feedback or opinion note is about */
        g_string_append_printf (subtitle, _("About: %s"), item->notice_title);
      else
        g_string_append (subtitle, _("About no particular notice"));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->content);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  g_string_free (subtitle, TRUE);

  if (item->is_opinion)
    {
      static const char * const icons[] = { "dialog-information-symbolic", "dialog-information-symbolic",
                                            "dialog-warning-symbolic" };
      static const char * const classes[] = { NULL, "warning", "error" };
      guint severity = MIN ((guint) item->severity, (guint) GK_SEVERITY_HIGH);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 badge (icons[severity], gk_severity_describe (item->severity), classes[severity]));
    }
  if (item->report_upward)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               badge ("mail-send-symbolic", _("Report upward"), "error"));
  if (with_notice && item->clarification_id > 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Clarification"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open the clarification notice it led to"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-notice");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (item->clarification_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  if (with_notice && item->notice_id > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-notice");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (item->notice_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

static void
on_clarification_response (AdwMessageDialog *dialog,
                           const char       *response,
                           Form             *form)
{
  if (g_strcmp0 (response, "accept") != 0 || form->parent == NULL)
    return;

  note_run (form, NOTE_CLARIFICATION, form->notice_id, 0);
}

static void
on_issue_clarification_clicked (GtkButton *button,
                                Form      *template)
{
  Form *form = form_new (template->parent, template->db, template->person_id, template->notice_id);
  GtkWidget *list = gk_form_new ();
  g_autofree char *today = gk_database_today (form->db);
  GtkWidget *dialog;

  form->content = gk_form_add_entry (list, _("Clarification"), NULL);
  form->date = gk_form_add_entry (list, _("Planned date (YYYY-MM-DD)"), today);

  dialog = form_dialog (form, _("Issue Clarification"), _("_Create Draft"), list);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("A draft clarification notice is created; it goes through the normal procedure."));
  g_signal_connect (dialog, "response", G_CALLBACK (on_clarification_response), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
gk_feedback_section_new (GtkWidget  *parent,
                         GkDatabase *db,
                         gint64      person_id,
                         gint64      notice_id)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *record = gtk_button_new_with_mnemonic (_("Record _Feedback…"));
  GtkWidget *opinion = gtk_button_new_with_mnemonic (_("Record _Opinion…"));
  GtkWidget *clarify = gtk_button_new_with_mnemonic (_("Issue _Clarification…"));
  g_autoptr(GPtrArray) feedback = NULL;
  g_autoptr(GArray) clarifications = NULL;
  Form *form;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (db != NULL, NULL);

  form = form_new (parent, db, person_id, notice_id);
  g_object_set_data_full (G_OBJECT (group), "gk-form", form, (GDestroyNotify) form_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Feedback and Clarifications"));
  gtk_widget_set_sensitive (buttons, person_id > 0 && !gk_database_is_read_only (db));
  if (gk_database_is_read_only (db))
    {
      g_autofree char *tooltip = g_strdup_printf (_("The database is read-only: %s"),
                                                  gk_database_get_read_only_reason (db));

      gtk_widget_set_tooltip_text (buttons, tooltip);
    }
  g_signal_connect (record, "clicked", G_CALLBACK (on_record_feedback_clicked), form);
  g_signal_connect (opinion, "clicked", G_CALLBACK (on_record_opinion_clicked), form);
  g_signal_connect (clarify, "clicked", G_CALLBACK (on_issue_clarification_clicked), form);
  gtk_box_append (GTK_BOX (buttons), record);
  gtk_box_append (GTK_BOX (buttons), opinion);
  gtk_box_append (GTK_BOX (buttons), clarify);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  feedback = gk_feedback_list (db, notice_id, NULL);
  for (guint i = 0; feedback != NULL && i < feedback->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               gk_feedback_row_new (g_ptr_array_index (feedback, i), FALSE));

  clarifications = gk_feedback_clarifications_of (db, notice_id, NULL);
  for (guint i = 0; clarifications != NULL && i < clarifications->len; i++)
    {
      gint64 id = g_array_index (clarifications, gint64, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a link to a clarification notice; %s is its number */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *title = g_strdup_printf (_("Clarification notice %s"), number);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-notice");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if ((feedback == NULL || feedback->len == 0) && (clarifications == NULL || clarifications->len == 0))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No feedback recorded about this notice."));
  return group;
}
