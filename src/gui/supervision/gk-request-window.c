/* gk-request-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-audit-query.h"
#include "core/gk-choices.h"
#include "core/gk-requests.h"
#include "gk-a11y.h"
#include "gk-form.h"
#include "gk-write-job.h"
#include "gk-request-window.h"

struct _GkRequestWindow
{
  AdwWindow        parent_instance;

  GkDatabase      *db;
  gint64           person_id;
  gint64           request_id;
  GPtrArray       *handlers;        /* GkChoice, of the forward dialog's rows */

  AdwToastOverlay *toast_overlay;
  GtkBox          *content_box;
};

G_DEFINE_FINAL_TYPE (GkRequestWindow, gk_request_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void gk_request_window_fill (GkRequestWindow *self);

static void
show_error (GkRequestWindow *self,
            const char      *heading,
            const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A step, written by a worker on a connection of its own
 * (gk-write-job.h): waiting for another desktop shows in the window. */
typedef enum
{
  STEP_FORWARD,
  STEP_EXTEND,
  STEP_REPLY,
} StepKind;

typedef struct
{
  StepKind  kind;
  gint64    person_id;
  gint64    request_id;
  gint64    handler_id;
  GkReply   reply;
  char     *note;
  char     *date;
} Step;

static void
step_free (Step *step)
{
  g_free (step->note);
  g_free (step->date);
  g_free (step);
}

static gboolean
step_write (GkDatabase  *db,
            gpointer     data,
            GError     **error)
{
  Step *step = data;

  switch (step->kind)
    {
    case STEP_FORWARD:
      return gk_requests_forward (db, step->person_id, step->request_id, step->handler_id, error);
    case STEP_EXTEND:
      return gk_requests_extend (db, step->person_id, step->request_id, error);
    case STEP_REPLY:
    default:
      return gk_requests_reply (db, step->person_id, step->request_id, step->reply,
                                step->note, step->date, error);
    }
}

static void
on_step_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  static const char * const headings[] = {
    N_("Could Not Forward the Application"),
    N_("Could Not Extend the Deadline"),
    N_("Could Not Answer the Application"),
  };
  static const char * const done[] = {
    N_("Application forwarded"),
    N_("Deadline extended"),
    N_("Application answered"),
  };
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (source), GK_TYPE_REQUEST_WINDOW);
  GkRequestWindow *self = window != NULL ? GK_REQUEST_WINDOW (window) : NULL;
  Step *step = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;

  if (!gk_write_job_finish (result, &error))
    {
      if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _(headings[step->kind]), error);
      return;
    }
  if (self == NULL)
    return;
  gk_request_window_fill (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_(done[step->kind])));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
step_run (GkRequestWindow *self,
          Step            *step)
{
  static const char * const progress[] = {
    N_("Forwarding the application…"),
    N_("Extending the deadline…"),
    N_("Answering the application…"),
  };

  step->person_id = self->person_id;
  step->request_id = self->request_id;
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), self->db, _(progress[step->kind]),
                    step_write, step, (GDestroyNotify) step_free, on_step_written, NULL);
}

static const char *
describe_reply (const char *reply)
{
  GkReply kind;

  if (!gk_reply_from_string (reply, &kind))
    return reply;
  switch (kind)
    {
    case GK_REPLY_DISCLOSE:
      return _("Disclosed");
    case GK_REPLY_PARTIAL:
      return _("Partly disclosed");
    case GK_REPLY_REFUSE:
    default:
      return _("Refused");
    }
}

static const char *
describe_event (const char *action)
{
  if (g_strcmp0 (action, "add") == 0)
    return _("Received");
  if (g_strcmp0 (action, "forward") == 0)
    return _("Forwarded");
  if (g_strcmp0 (action, "extend") == 0)
    return _("Deadline extended");
  if (g_strcmp0 (action, "reply") == 0)
    return _("Answered");
  return action;
}

static void
add_field (GtkWidget  *group,
           const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && value[0] != '\0' ? value : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
form_dialog (GkRequestWindow *self,
             const char      *heading,
             const char      *body,
             const char      *accept,
             GtkWidget       *form)
{
  GtkWidget *dialog = gk_form_dialog_new (GTK_WINDOW (self), heading, body, accept, form);

  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  gtk_widget_set_size_request (dialog, 440, -1);
  return dialog;
}

static GtkWidget *
dropdown_row (GtkWidget   *form,
              const char  *title,
              GtkWidget   *dropdown)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  gk_a11y_name_drop_down (GTK_DROP_DOWN (dropdown), title);
  gtk_list_box_append (GTK_LIST_BOX (form), row);
  return dropdown;
}

static char *
row_text (GObject    *dialog,
          const char *key)
{
  GtkWidget *row = g_object_get_data (dialog, key);

  return gk_form_get_text (row);
}

/* Steps */

static void
on_forward_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GkRequestWindow  *self)
{
  GtkDropDown *handler = g_object_get_data (G_OBJECT (dialog), "handler");
  guint selected = gtk_drop_down_get_selected (handler);
  Step *step;

  if (g_strcmp0 (response, "accept") != 0 || self->handlers == NULL || selected >= self->handlers->len)
    return;
  step = g_new0 (Step, 1);
  step->kind = STEP_FORWARD;
  step->handler_id = ((GkChoice *) g_ptr_array_index (self->handlers, selected))->id;
  step_run (self, step);
}

static void
on_forward_clicked (GkRequestWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *form = gk_form_new ();
  GtkWidget *dialog, *handler;

  g_clear_pointer (&self->handlers, g_ptr_array_unref);
  self->handlers = gk_requests_list_handlers (self->db, &error);
  if (self->handlers == NULL)
    {
      show_error (self, _("Could Not Forward the Application"), error);
      return;
    }
  for (guint i = 0; i < self->handlers->len; i++)
    gtk_string_list_append (names, ((GkChoice *) g_ptr_array_index (self->handlers, i))->name);

  handler = dropdown_row (form, _("Department"), gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  dialog = form_dialog (self, _("Forward the Application"),
                        _("Party office forwards (批转) an application to the school committee to the department "
                          "responsible, which handles it as a notice."),
                        _("_Forward"), form);
  g_object_set_data (G_OBJECT (dialog), "handler", handler);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_forward_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_extend_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GkRequestWindow  *self)
{
  Step *step;

  if (g_strcmp0 (response, "accept") != 0)
    return;
  step = g_new0 (Step, 1);
  step->kind = STEP_EXTEND;
  step_run (self, step);
}

static void
on_extend_clicked (GkRequestWindow *self)
{
  GtkWidget *dialog = form_dialog (self, _("Extend the Deadline?"),
                                   _("The deadline moves by the extension in the settings (20 working days "
                                     "unless set otherwise). It can be extended once."),
                                   _("_Extend"), NULL);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_extend_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reply_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GkRequestWindow  *self)
{
  GtkDropDown *reply = g_object_get_data (G_OBJECT (dialog), "reply");
  guint selected = gtk_drop_down_get_selected (reply);
  Step *step;

  if (g_strcmp0 (response, "accept") != 0)
    return;
  step = g_new0 (Step, 1);
  step->kind = STEP_REPLY;
  step->reply = selected <= GK_REPLY_REFUSE ? (GkReply) selected : GK_REPLY_DISCLOSE;
  step->note = row_text (G_OBJECT (dialog), "note");
  step->date = row_text (G_OBJECT (dialog), "date");
  step_run (self, step);
}

static void
on_reply_clicked (GkRequestWindow *self)
{
  const char *replies[] = { _("Disclose"), _("Disclose in part"), _("Refuse"), NULL };
  g_autofree char *today = gk_database_today (self->db);
  GtkWidget *form = gk_form_new ();
  GtkWidget *dialog, *reply;

  reply = dropdown_row (form, _("Answer"), gtk_drop_down_new_from_strings (replies));
  dialog = form_dialog (self, _("Answer the Application"),
                        _("A partial disclosure or a refusal says why."), _("_Answer"), form);
  g_object_set_data (G_OBJECT (dialog), "reply", reply);
  g_object_set_data (G_OBJECT (dialog), "note", gk_form_add_entry (form, _("Reason or note"), NULL));
  g_object_set_data (G_OBJECT (dialog), "date", gk_form_add_entry (form, _("Answered on (YYYY-MM-DD)"), today));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reply_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
step_button (GkRequestWindow *self,
             GtkWidget       *box,
             const char      *label,
             GCallback        callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* The window */

static GtkWidget *
history_group (GkRequestWindow *self)
{
  GkAuditQuery query = { .entity = "application", .entity_id = self->request_id };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  events = gk_audit_query_list (self->db, &query, &error);
  if (events == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return group;
    }
  for (guint i = 0; i < events->len; i++)
    {
      GkAuditEntry *entry = g_ptr_array_index (events, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (entry->at);
      /* Translators: an event of an application's history: when, who */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when,
                                                   entry->person[0] != '\0' ? entry->person : _("System"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), describe_event (entry->action));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
gk_request_window_fill (GkRequestWindow *self)
{
  g_autoptr(GkRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *applicant = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *state = NULL;
  g_autofree char *title = NULL;
  GtkWidget *group, *steps;
  gboolean open, may_act;

  gk_form_clear_box (self->content_box);

  request = gk_requests_get (self->db, self->request_id, &error);
  if (request == NULL)
    {
      gtk_box_append (self->content_box, gk_form_status_page ("dialog-error-symbolic",
                                                              _("Could Not Read the Application"),
                                                              error->message));
      return;
    }
  open = !g_str_equal (request->state, "replied");
  may_act = open && !gk_database_is_read_only (self->db)
            && gk_requests_may_handle (self->db, self->person_id, self->request_id);

  /* Translators: the title of an application's window: the applicant */
  title = g_strdup_printf (_("Application of %s"), request->applicant);
  gtk_window_set_title (GTK_WINDOW (self), title);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Application"));
  /* Translators: an applicant, and whether a party member or a member of the public */
  applicant = g_strdup_printf (_("%s (%s)"), request->applicant,
                               request->is_member ? _("party member") : _("member of the public"));
  add_field (group, _("Applicant"), applicant);
  add_field (group, _("Addressed to"), request->addressed_to);
  add_field (group, _("Handled by"), request->handler);
  add_field (group, _("Request"), request->request);
  add_field (group, _("Received"), request->received_date);
  deadline = request->extended
             /* Translators: an application's deadline, extended once */
             ? g_strdup_printf (_("%s (extended)"), request->deadline)
             : g_strdup (request->deadline);
  add_field (group, _("Deadline"), deadline);
  if (g_str_equal (request->state, "received"))
    state = g_strdup (_("Received, not yet answered"));
  else if (g_str_equal (request->state, "forwarded"))
    /* Translators: an application's state: the department it was forwarded to */
    state = g_strdup_printf (_("Forwarded to %s, not yet answered"), request->handler);
  else
    /* Translators: an application's state: the answer and its date */
    state = g_strdup_printf (_("Answered: %s, %s"), describe_reply (request->reply), request->replied_date);
  add_field (group, _("State"), state);
  if (!open)
    add_field (group, _("Reason or note"), request->reply_note);

  steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (may_act && g_str_equal (request->state, "received")
      && gk_requests_is_forwarded_first (self->db, self->request_id))
    step_button (self, steps, _("_Forward…"), G_CALLBACK (on_forward_clicked));
  if (may_act && !request->extended)
    step_button (self, steps, _("_Extend Deadline…"), G_CALLBACK (on_extend_clicked));
  if (may_act)
    gtk_widget_add_css_class (step_button (self, steps, _("_Answer…"), G_CALLBACK (on_reply_clicked)),
                              "suggested-action");
  if (gtk_widget_get_first_child (steps) != NULL)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), steps);
  else if (open)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Party office answers applications to the school committee; a general "
                                             "branch answers its own."));
  gtk_box_append (self->content_box, group);
  gtk_box_append (self->content_box, history_group (self));
}

static void
gk_request_window_dispose (GObject *object)
{
  GkRequestWindow *self = GK_REQUEST_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_REQUEST_WINDOW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->handlers, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_request_window_parent_class)->dispose (object);
}

static void
gk_request_window_class_init (GkRequestWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_request_window_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/supervision/gk-request-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRequestWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkRequestWindow, content_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_request_window_init (GkRequestWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_request_window_new (GtkWindow  *parent,
                       GkDatabase *db,
                       gint64      person_id,
                       gint64      request_id)
{
  GkRequestWindow *self;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  self = g_object_new (GK_TYPE_REQUEST_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->person_id = person_id;
  self->request_id = request_id;
  gk_request_window_fill (self);
  return GTK_WIDGET (self);
}
