/* gk-inbox-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "core/gk-core-error.h"
#include "core/gk-notice-list-model.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"
#include "pdf/gk-notice-print.h"
#include "preview/gk-pdf-preview.h"
#include "gk-a11y.h"
#include "gk-page-sync.h"
#include "gk-scroll-probe.h"
#include "supervision/gk-rectification-banner.h"
#include "gk-feedback-dialogs.h"
#include "gk-write-job.h"
#include "gk-notice-editor.h"
#include "gk-inbox-row.h"
#include "gk-inbox-page.h"

#define BODY_EXCERPT_CHARS 240

typedef enum
{
  FILTER_WAITING,
  FILTER_MINE,
  FILTER_IN_PROGRESS,
  FILTER_PUBLISHED,
  FILTER_ALL,
} InboxFilter;

/* The steps as actions of the page, in the order of their buttons: the
 * steps that move the plan on first, then those that send it back or out.
 * The first of the forward steps a person may take is the primary one
 * (inbox.next-step, Ctrl+Return). */
static const struct {
  GkAction    action;
  const char *name;
  gboolean    forward;
} steps[] = {
  { GK_ACTION_SUBMIT, "inbox.submit", TRUE },
  { GK_ACTION_REVIEW, "inbox.review", TRUE },
  { GK_ACTION_APPROVE, "inbox.approve", TRUE },
  { GK_ACTION_ESCALATE, "inbox.escalate", TRUE },
  { GK_ACTION_DECIDE, "inbox.decide", TRUE },
  { GK_ACTION_UPPER_APPROVE, "inbox.upper-approve", TRUE },
  { GK_ACTION_PUBLISH, "inbox.publish", TRUE },
  { GK_ACTION_RETURN, "inbox.return", FALSE },
  { GK_ACTION_REJECT, "inbox.reject", FALSE },
  { GK_ACTION_WITHDRAW, "inbox.withdraw", FALSE },
};

/* Wherever the focus is in the tab, as long as it is shown; shown in
 * gk-shortcuts-window.ui. */
static const struct {
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action_name;
} page_shortcuts[] = {
  { GDK_KEY_n, GDK_CONTROL_MASK, "inbox.new-plan" },
  { GDK_KEY_Return, GDK_CONTROL_MASK, "inbox.next-step" },
  { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "inbox.next-step" },
  { GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "inbox.submit" },
  { GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "inbox.return" },
  { GDK_KEY_x, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "inbox.reject" },
  { GDK_KEY_w, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "inbox.withdraw" },
};

struct _GkInboxPage
{
  GtkWidget           parent_instance;

  GkContext          *context;
  /* The context's person, as last read (gk_inbox_page_sync()). */
  gint64              person_id;
  guint               waiting_count;

  /* The notice in the detail pane, which stays there when a step moves it
   * out of the list. */
  gint64              notice_id;
  GkNotice           *notice;
  guint               allowed;
  /* The primary step, or GK_N_ACTIONS when there is none. */
  GkAction            primary;
  gboolean            reloading;
  gboolean            busy;
  GCancellable       *cancellable;

  /* The list, read a page at a time; NULL until a database is open. */
  GkNoticeListModel  *notices;
  GtkSingleSelection *selection;
  GtkWidget          *preview;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkWidget          *new_button;
  GtkToggleButton    *filter_waiting;
  GtkToggleButton    *filter_mine;
  GtkToggleButton    *filter_progress;
  GtkToggleButton    *filter_published;
  GtkToggleButton    *filter_all;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *list_status;
  GtkLabel           *count_label;
  GtkStack           *detail_stack;
  GtkWidget          *back_button;
  GtkLabel           *title_label;
  GtkLabel           *state_label;
  GtkBox             *actions_box;
  GtkWidget          *step_buttons[GK_N_ACTIONS];
  GtkWidget          *edit_button;
  AdwActionRow       *body_row;
  AdwActionRow       *org_row;
  AdwActionRow       *level_row;
  AdwActionRow       *item_row;
  AdwActionRow       *audiences_row;
  AdwActionRow       *date_row;
  AdwActionRow       *methods_row;
  AdwActionRow       *major_row;
  AdwActionRow       *proposer_row;
  AdwActionRow       *route_row;
  GtkBox             *preview_slot;
  GtkWidget          *review_group;
  AdwComboRow        *secrecy_row;
  AdwComboRow        *necessity_row;
  AdwComboRow        *accuracy_row;
  AdwComboRow        *risk_row;
  AdwEntryRow        *review_note_row;
  GtkListBox         *history_list;
  GtkBox             *feedback_slot;
  GkRectificationBanner *rectification_banner;
};

G_DEFINE_FINAL_TYPE (GkInboxPage, gk_inbox_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_WAITING_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gk_inbox_page_show_notice (GkInboxPage *self);

static GkDatabase *
gk_inbox_page_get_database (GkInboxPage *self)
{
  return self->context != NULL ? gk_context_get_database (self->context) : NULL;
}

static GtkWindow *
gk_inbox_page_get_window (GkInboxPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
gk_inbox_page_show_message (GkInboxPage *self,
                            const char  *heading,
                            const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (gk_inbox_page_get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The list */

static InboxFilter
gk_inbox_page_get_filter (GkInboxPage *self)
{
  if (gtk_toggle_button_get_active (self->filter_mine))
    return FILTER_MINE;
  if (gtk_toggle_button_get_active (self->filter_progress))
    return FILTER_IN_PROGRESS;
  if (gtk_toggle_button_get_active (self->filter_published))
    return FILTER_PUBLISHED;
  if (gtk_toggle_button_get_active (self->filter_all))
    return FILTER_ALL;
  return FILTER_WAITING;
}

static void
on_item_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, gk_inbox_row_new ());
}

/* A NULL item: another desktop removed notices since the list was
 * counted; the row stays empty until the next refresh. */
static void
on_item_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gk_inbox_row_set_notice (GK_INBOX_ROW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
}

static void
gk_inbox_page_set_waiting_count (GkInboxPage *self,
                                 guint        count)
{
  if (self->waiting_count == count)
    return;

  self->waiting_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_COUNT]);
}

static void
gk_inbox_page_update_list_view (GkInboxPage *self,
                                GListModel  *notices,
                                const char  *error_message)
{
  guint n = notices != NULL ? g_list_model_get_n_items (notices) : 0;
  g_autofree char *count = NULL;
  gboolean searching = gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0';

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan", "%u plans", n), n);
  gtk_label_set_text (self->count_label, count);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (error_message != NULL)
    {
      adw_status_page_set_icon_name (self->list_status, "dialog-error-symbolic");
      adw_status_page_set_title (self->list_status, _("Could Not Read the Plans"));
      adw_status_page_set_description (self->list_status, error_message);
    }
  else if (self->context == NULL)
    {
      adw_status_page_set_icon_name (self->list_status, "mail-unread-symbolic");
      adw_status_page_set_title (self->list_status, _("No Database Open"));
      adw_status_page_set_description (self->list_status, _("Open or create a database from the main menu."));
    }
  else if (searching)
    {
      adw_status_page_set_icon_name (self->list_status, "system-search-symbolic");
      adw_status_page_set_title (self->list_status, _("No Matching Plans"));
      adw_status_page_set_description (self->list_status, _("Try another search or filter."));
    }
  else if (gk_inbox_page_get_filter (self) == FILTER_WAITING)
    {
      adw_status_page_set_icon_name (self->list_status, "emblem-ok-symbolic");
      adw_status_page_set_title (self->list_status, _("Nothing Waits for You"));
      adw_status_page_set_description (self->list_status,
                                       self->person_id > 0
                                       ? _("Plans you are to review, approve or publish will appear here.")
                                       : _("Choose who you are with the button in the header bar."));
    }
  else
    {
      adw_status_page_set_icon_name (self->list_status, "mail-unread-symbolic");
      adw_status_page_set_title (self->list_status, _("No Plans"));
      adw_status_page_set_description (self->list_status, _("Plans shown by this filter will appear here."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
on_notices_counted (GkInboxPage *self)
{
  if (!self->reloading)
    gk_inbox_page_update_list_view (self, G_LIST_MODEL (self->notices), NULL);
}

/* Runs the list's query again and keeps the notice in the detail pane
 * selected when it is still listed. The list counts in SQL and reads
 * only the pages shown; the selection is found by id, in SQL too. */
void
gk_inbox_page_reload (GkInboxPage *self)
{
  GkDatabase *db;
  GListModel *notices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  GkNoticeQuery query = { 0 };
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (GK_IS_INBOX_PAGE (self));

  db = gk_inbox_page_get_database (self);
  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* Unselected first: GtkSingleSelection would otherwise look for the
   * selected item among every new item, reading every page. */
  self->reloading = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (db != NULL)
    {
      GkNoticeQuery waiting = { .waiting_for = self->person_id };
      InboxFilter filter = gk_inbox_page_get_filter (self);

      switch (filter)
        {
        case FILTER_WAITING:
          query.waiting_for = self->person_id;
          break;
        case FILTER_MINE:
          query.proposed_by = self->person_id;
          break;
        case FILTER_IN_PROGRESS:
          query.in_progress = TRUE;
          break;
        case FILTER_PUBLISHED:
          query.published = TRUE;
          break;
        case FILTER_ALL:
        default:
          break;
        }
      query.search = search[0] != '\0' ? search : NULL;

      /* Nobody chosen yet: nothing is waiting for or proposed by them. */
      if (self->person_id > 0 || (filter != FILTER_WAITING && filter != FILTER_MINE))
        {
          if (self->notices == NULL)
            {
              self->notices = gk_notice_list_model_new (db, &query, &error);
              /* A search matching many notices is counted after the list
               * is shown: the count follows. */
              if (self->notices != NULL)
                g_signal_connect_object (self->notices, "notify::counting", G_CALLBACK (on_notices_counted), self,
                                         G_CONNECT_SWAPPED);
            }
          else if (!gk_notice_list_model_set_query (self->notices, &query, &error))
            g_clear_object (&self->notices);
          notices = G_LIST_MODEL (self->notices);
        }

      /* Listed without a search, "waiting for me" is counted already. */
      if (self->person_id > 0 && filter == FILTER_WAITING && query.search == NULL && self->notices != NULL)
        gk_inbox_page_set_waiting_count (self, g_list_model_get_n_items (notices));
      else
        gk_inbox_page_set_waiting_count (self, self->person_id > 0
                                               ? (guint) MAX (0, gk_notices_count (db, &waiting, NULL)) : 0);
    }
  else
    gk_inbox_page_set_waiting_count (self, 0);

  if (notices != NULL)
    position = gk_notice_list_model_find (self->notices, self->notice_id);

  if (gtk_single_selection_get_model (self->selection) != notices)
    gtk_single_selection_set_model (self->selection, notices);
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;

  gk_inbox_page_update_list_view (self, notices, error != NULL ? error->message : NULL);
  /* 督查: the rectifications this person answers for, past their deadline. */
  gk_rectification_banner_update (self->rectification_banner, db, self->person_id);
  gk_inbox_page_show_notice (self);
}

static gboolean
restore_scroll (gpointer user_data)
{
  GtkAdjustment *adjustment = user_data;

  gtk_adjustment_set_value (adjustment, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (adjustment), "gk-scroll")));
  return G_SOURCE_REMOVE;
}

/* After another desktop's change: the list and the detail pane again,
 * keeping the selected plan, the scroll position and the review form as
 * typed. Not while a step is being taken: its own reload follows. */
void
gk_inbox_page_refresh (GkInboxPage *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GK_IS_INBOX_PAGE (self));

  if (self->busy)
    return;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  if (adjustment != NULL)
    g_object_set_data (G_OBJECT (adjustment), "gk-scroll",
                       GUINT_TO_POINTER ((guint) gtk_adjustment_get_value (adjustment)));
  gk_inbox_page_reload (self);
  if (adjustment != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_scroll,
                     g_object_ref (adjustment), g_object_unref);
}

static void
on_selection_changed (GkInboxPage *self)
{
  GkNotice *notice;

  if (self->reloading)
    return;

  notice = gtk_single_selection_get_selected_item (self->selection);
  self->notice_id = notice != NULL ? gk_notice_get_id (notice) : 0;
  gk_inbox_page_show_notice (self);
  if (self->notice != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_list_activate (GkInboxPage *self,
                  guint        position)
{
  if (self->notice_id > 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_back_clicked (GkInboxPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_folded_changed (GkInboxPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
on_search_changed (GkInboxPage *self)
{
  gk_inbox_page_reload (self);
}

static void
on_filter_toggled (GkInboxPage     *self,
                   GtkToggleButton *button)
{
  /* Each change toggles two buttons of the group: act on the one turned on. */
  if (gtk_toggle_button_get_active (button))
    gk_inbox_page_reload (self);
}

/* The detail pane */

static void
row_set_text (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && text[0] != '\0' ? text : _("None"));
}

static char *
describe_event_action (const char *action)
{
  GkAction step;

  if (g_strcmp0 (action, "create") == 0)
    return g_strdup (_("Created"));
  if (g_strcmp0 (action, "edit") == 0)
    return g_strdup (_("Edited"));
  if (g_strcmp0 (action, "void") == 0)
    return g_strdup (_("Review and approval voided"));
  if (gk_action_from_string (action, &step))
    return g_strdup (gk_action_describe (step));
  return g_strdup (action);
}

static char *
format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
gk_inbox_page_fill_history (GkInboxPage *self,
                            GkDatabase  *db)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  events = gk_notices_history (db, self->notice_id, &error);
  if (events == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Could not read the history"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->history_list, row);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    {
      GkNoticeEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *what = describe_event_action (event->action);
      g_autofree char *when = format_timestamp (event->at);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (when);

      /* Translators: who did what in a plan's history, e.g. "刘部长 — Review" */
      title = g_strdup_printf (_("%s — %s"),
                               event->person != NULL && event->person[0] != '\0' ? event->person : _("System"),
                               what);
      if (event->to_state != NULL && g_strcmp0 (event->from_state, event->to_state) != 0)
        /* Translators: a state change in a plan's history, e.g. " · Submitted → Reviewed" */
        g_string_append_printf (subtitle, _(" · %s → %s"),
                                event->from_state != NULL && event->from_state[0] != '\0'
                                ? gk_notice_state_describe (event->from_state) : _("New"),
                                gk_notice_state_describe (event->to_state));
      if (event->note != NULL && event->note[0] != '\0')
        g_string_append_printf (subtitle, "\n%s", event->note);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
gk_inbox_page_fill_route (GkInboxPage *self,
                          GkDatabase  *db)
{
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GError) error = NULL;
  GkAction next = GK_ACTION_SUBMIT;

  waiting = gk_workflow_waiting_for (db, self->notice_id, &next, &error);
  if (waiting == NULL)
    row_set_text (self->route_row, error != NULL ? error->message : NULL);
  else if (waiting->len > 0)
    {
      g_autofree char *names = gk_notices_people_names (db, waiting);
      /* Translators: the next step of a plan and who may take it, e.g. "Review: 刘部长" */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), gk_action_describe (next), names);

      row_set_text (self->route_row, text);
    }
  else
    row_set_text (self->route_row, _("Nobody: the procedure has ended for this plan"));
}

/* The shortcut of ACTION_NAME as the keyboard shows it (“Ctrl+Shift+R”),
 * or NULL. */
static char *
shortcut_label (const char *action_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    if (g_str_equal (page_shortcuts[i].action_name, action_name))
      return gtk_accelerator_get_label (page_shortcuts[i].keyval, page_shortcuts[i].modifiers);
  return NULL;
}

static GtkWidget *
gk_inbox_page_add_action_button (GkInboxPage *self,
                                 GtkWidget   *button,
                                 const char  *action_name)
{
  g_autofree char *shortcut = shortcut_label (action_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, shortcut);
  gtk_widget_set_visible (button, FALSE);
  gtk_box_append (self->actions_box, button);
  return button;
}

/* A button for every step, in the order of steps[]; the labels are
 * core's. gk_inbox_page_update_actions() shows those allowed. */
static void
gk_inbox_page_add_step_buttons (GkInboxPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GkAction action = steps[i].action;
      GtkWidget *button = gtk_button_new_with_label (gk_action_describe (action));

      if (action == GK_ACTION_REJECT || action == GK_ACTION_WITHDRAW)
        gtk_widget_add_css_class (button, "destructive-action");
      self->step_buttons[action] = gk_inbox_page_add_action_button (self, button, steps[i].name);
    }
  self->edit_button = gk_inbox_page_add_action_button (self, gtk_button_new_with_mnemonic (_("_Edit…")),
                                                       "inbox.edit");
}

/* The step actions and their buttons follow what the person may do with
 * the plan shown: a button for each step allowed, the primary one
 * highlighted; none while a step is being taken. */
static void
gk_inbox_page_update_actions (GkInboxPage *self)
{
  gboolean idle = self->notice != NULL && !self->busy;
  gboolean any = FALSE;

  self->primary = GK_N_ACTIONS;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GkAction action = steps[i].action;
      gboolean allowed = (self->allowed & (1u << action)) != 0;

      gtk_widget_action_set_enabled (GTK_WIDGET (self), steps[i].name, idle && allowed);
      gtk_widget_set_visible (self->step_buttons[action], allowed);
      gtk_widget_remove_css_class (self->step_buttons[action], "suggested-action");
      if (allowed && steps[i].forward && self->primary == GK_N_ACTIONS)
        {
          self->primary = action;
          gtk_widget_add_css_class (self->step_buttons[action], "suggested-action");
        }
      any = any || allowed;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.next-step", idle && self->primary != GK_N_ACTIONS);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.edit", idle && (self->allowed & GK_WORKFLOW_CAN_EDIT));
  gtk_widget_set_visible (self->edit_button, (self->allowed & GK_WORKFLOW_CAN_EDIT) != 0);
  any = any || (self->allowed & GK_WORKFLOW_CAN_EDIT);

  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), any);
}

static void
gk_inbox_page_fill_preview (GkInboxPage *self,
                            GkDatabase  *db)
{
  g_autoptr(GkNoticeContent) content = NULL;
  g_autoptr(GError) error = NULL;

  content = gk_notice_print_content (db, self->notice, &error);
  if (content == NULL)
    {
      g_warning ("Could not prepare the preview of notice %" G_GINT64_FORMAT ": %s",
                 self->notice_id, error->message);
      gk_pdf_preview_clear (GK_PDF_PREVIEW (self->preview));
      return;
    }
  gk_pdf_preview_set_content (GK_PDF_PREVIEW (self->preview), content,
                              gk_notice_print_layout (self->notice));
  gk_pdf_preview_set_notice (GK_PDF_PREVIEW (self->preview), self->notice);
}

static void
gk_inbox_page_show_notice (GkInboxPage *self)
{
  GkDatabase *db = gk_inbox_page_get_database (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *item = NULL;
  g_autofree char *date = NULL;
  const char *text;
  GtkWidget *child;

  g_clear_object (&self->notice);
  self->allowed = 0;

  if (db != NULL && self->notice_id > 0)
    self->notice = gk_notices_get (db, self->notice_id, &error);

  if (self->notice == NULL)
    {
      if (error != NULL)
        g_warning ("Could not read notice %" G_GINT64_FORMAT ": %s", self->notice_id, error->message);
      self->notice_id = 0;
      gk_inbox_page_update_actions (self);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      return;
    }

  /* A read-only file (the window says why in its banner): no steps, no edits. */
  if (self->person_id > 0 && !gk_database_is_read_only (db))
    self->allowed = gk_workflow_allowed (db, self->notice_id, self->person_id);

  gtk_label_set_text (self->title_label, gk_notice_get_title (self->notice));
  gtk_label_set_text (self->state_label, gk_notice_state_describe (gk_notice_get_state (self->notice)));

  text = gk_notice_get_body (self->notice);
  if (g_utf8_strlen (text, -1) > BODY_EXCERPT_CHARS)
    {
      g_autofree char *excerpt = g_utf8_substring (text, 0, BODY_EXCERPT_CHARS);

      body = g_strconcat (excerpt, "…", NULL);
    }
  else
    body = g_strdup (text);
  row_set_text (self->body_row, body);
  row_set_text (self->org_row, gk_notice_get_organization (self->notice));
  row_set_text (self->level_row, gk_level_describe (gk_notice_get_level (self->notice)));
  if (gk_notice_get_item_number (self->notice) > 0)
    item = g_strdup_printf ("%u", gk_notice_get_item_number (self->notice));
  row_set_text (self->item_row, item);
  row_set_text (self->audiences_row, gk_notice_get_audiences (self->notice));
  text = gk_notice_get_published_date (self->notice);
  if (text != NULL && text[0] != '\0')
    /* Translators: the planned and the actual date of a published notice */
    date = g_strdup_printf (_("%s, published on %s"), gk_notice_get_planned_date (self->notice), text);
  else
    date = g_strdup (gk_notice_get_planned_date (self->notice));
  row_set_text (self->date_row, date);
  row_set_text (self->methods_row, gk_notice_get_methods (self->notice));
  row_set_text (self->major_row,
                gk_notice_get_major (self->notice)
                ? _("Yes: decided by the standing committee")
                : _("No"));
  row_set_text (self->proposer_row, gk_notice_get_proposer (self->notice));
  gk_inbox_page_fill_route (self, db);

  gtk_widget_set_visible (self->review_group, (self->allowed & (1u << GK_ACTION_REVIEW)) != 0);
  gk_inbox_page_update_actions (self);
  gk_inbox_page_fill_history (self, db);
  gk_inbox_page_fill_preview (self, db);

  /* 意见反馈 / 澄清: about published notices only. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->feedback_slot))) != NULL)
    gtk_box_remove (self->feedback_slot, child);
  if (g_strcmp0 (gk_notice_get_state (self->notice), "published") == 0)
    gtk_box_append (self->feedback_slot,
                    gk_feedback_section_new (GTK_WIDGET (self), db, self->person_id, self->notice_id));

  gtk_stack_set_visible_child_name (self->detail_stack, "notice");
}

/* Steps */

typedef struct
{
  GkInboxPage    *self;
  gint64          person_id;
  GkAction        action;
  gint64          notice_id;
  gint64          row_version;
  char           *note;
  char           *date;
  char           *reference;
  const char     *secrecy;
  const char     *necessity;
  const char     *accuracy;
  const char     *risk;
  GkRejectReason  reason;
  gboolean        refuse;
  gboolean        upper;
  char           *approval;
  char           *posted;
  char           *font_report;

  /* The step's dialog, while it is open */
  AdwEntryRow    *note_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *reference_row;
  AdwComboRow    *choice_row;
  GtkSwitch      *upper_switch;
} Step;

static void
step_free (Step *step)
{
  g_clear_object (&step->self);
  g_free (step->note);
  g_free (step->date);
  g_free (step->reference);
  g_free (step->approval);
  g_free (step->posted);
  g_free (step->font_report);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Step, step_free)

/* What step_commit() needs, without the dialog's rows. */
static Step *
step_copy (const Step *step)
{
  Step *copy = g_new0 (Step, 1);

  *copy = *step;
  copy->self = g_object_ref (step->self);
  copy->note = g_strdup (step->note);
  copy->date = g_strdup (step->date);
  copy->reference = g_strdup (step->reference);
  copy->approval = g_strdup (step->approval);
  copy->posted = g_strdup (step->posted);
  copy->font_report = g_strdup (step->font_report);
  copy->note_row = NULL;
  copy->date_row = NULL;
  copy->reference_row = NULL;
  copy->choice_row = NULL;
  copy->upper_switch = NULL;
  return copy;
}

static void
gk_inbox_page_set_busy (GkInboxPage *self,
                        gboolean     busy)
{
  self->busy = busy;
  gk_inbox_page_update_actions (self);
  gtk_widget_set_sensitive (self->review_group, !busy);
}

/* In a worker, on a connection of its own (gk-write-job.h): another
 * desktop's lock never freezes the window. */
static gboolean
step_write (GkDatabase  *db,
            gpointer     data,
            GError     **error)
{
  Step *step = data;
  GkStepArgs args = {
    .expected_row_version = step->row_version,
    .note = step->note,
    .secrecy = step->secrecy,
    .necessity = step->necessity,
    .accuracy = step->accuracy,
    .risk = step->risk,
    .reason = step->reason,
    .date = step->date,
    .reference = step->reference,
    .refuse = step->refuse,
    .upper = step->upper,
    .pdf_sha256 = step->approval,
    .posted_sha256 = step->posted,
    .font_report = step->font_report,
  };

  return gk_workflow_act (db, step->person_id, step->notice_id, step->action, &args, error);
}

static void
on_step_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GkInboxPage *self = GK_INBOX_PAGE (source);
  GkAction action = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;

  gk_inbox_page_set_busy (self, FALSE);
  if (!gk_write_job_finish (result, &error))
    {
      if (g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT))
        gk_inbox_page_show_message (self, _("Someone Changed This Plan First"), error->message);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_inbox_page_show_message (self, _("Could Not Take This Step"), error->message);
    }
  else if (action == GK_ACTION_REVIEW)
    gtk_editable_set_text (GTK_EDITABLE (self->review_note_row), "");

  /* After a conflict too: the user sees the plan as it is now. */
  gk_inbox_page_reload (self);
}

/* The one way a step is written; waiting for another desktop shows in
 * the window, and past the busy timeout Retry is offered. */
static void
step_commit (Step *step)
{
  GkInboxPage *self = step->self;
  GkDatabase *db = gk_inbox_page_get_database (self);

  if (db == NULL)
    {
      gk_inbox_page_set_busy (self, FALSE);
      return;
    }

  gk_inbox_page_set_busy (self, TRUE);
  gk_write_job_run (GTK_WIDGET (self), db, _("Saving the step…"), step_write,
                    step_copy (step), (GDestroyNotify) step_free,
                    on_step_written, GUINT_TO_POINTER (step->action));
}

/* The approval binds the hashes of the rendered PDFs: two renders, in a
 * worker thread, of the content read here on the main thread. */
typedef struct
{
  GkNoticeContent *content;
  GkNoticeLayout   layout;
} ApprovalJob;

static void
approval_job_free (ApprovalJob *job)
{
  g_clear_pointer (&job->content, gk_notice_content_free);
  g_free (job);
}

static void
approval_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ApprovalJob *job = task_data;
  char *hashes[3] = { NULL, NULL, NULL };
  GError *error = NULL;

  if (!gk_notice_print_approval (job->content, job->layout, &hashes[0], &hashes[1], &hashes[2], &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_memdup2 (hashes, sizeof hashes), g_free);
}

static void
on_approval_rendered (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char **hashes = g_task_propagate_pointer (G_TASK (result), &error);

  if (hashes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gk_inbox_page_set_busy (step->self, FALSE);
          gk_inbox_page_show_message (step->self, _("Could Not Render the Notice"), error->message);
        }
      return;
    }

  step->approval = hashes[0];
  step->posted = hashes[1];
  step->font_report = hashes[2];
  step_commit (step);
}

static gboolean
step_approves (const Step *step)
{
  switch (step->action)
    {
    case GK_ACTION_APPROVE:
      return TRUE;
    case GK_ACTION_DECIDE:
      return !step->refuse && !step->upper;
    case GK_ACTION_UPPER_APPROVE:
      return !step->refuse;
    default:
      return FALSE;
    }
}

static void
step_run (Step *step)
{
  GkInboxPage *self = step->self;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ApprovalJob *job;
  GkNoticeContent *content;

  if (!step_approves (step))
    {
      step_commit (step);
      step_free (step);
      return;
    }

  content = gk_notice_print_content (gk_inbox_page_get_database (self), self->notice, &error);
  if (content == NULL)
    {
      gk_inbox_page_show_message (self, _("Could Not Render the Notice"), error->message);
      step_free (step);
      return;
    }
  /* What the approver approves is the clean notice, without the draft mark
   * or a verification code. */
  content->draft = FALSE;
  g_clear_pointer (&content->verification, g_free);

  job = g_new0 (ApprovalJob, 1);
  job->content = content;
  job->layout = gk_notice_print_layout (self->notice);

  gk_inbox_page_set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_approval_rendered, step);
  g_task_set_source_tag (task, step_run);
  g_task_set_task_data (task, job, (GDestroyNotify) approval_job_free);
  g_task_run_in_thread (task, approval_thread);
}

static Step *
step_new (GkInboxPage *self,
          GkAction     action)
{
  Step *step = g_new0 (Step, 1);

  step->self = g_object_ref (self);
  step->person_id = self->person_id;
  step->action = action;
  step->notice_id = self->notice_id;
  step->row_version = gk_notice_get_row_version (self->notice);
  return step;
}

static const char *
combo_pick (AdwComboRow        *row,
            const char * const *values)
{
  guint selected = adw_combo_row_get_selected (row);

  return values[selected != GTK_INVALID_LIST_POSITION ? selected : 0];
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = NULL;

  if (row == NULL)
    return NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
on_step_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Step             *step)
{
  if (g_strcmp0 (response, "step") != 0)
    {
      step_free (step);
      return;
    }

  step->note = entry_text (step->note_row);
  step->date = entry_text (step->date_row);
  step->reference = entry_text (step->reference_row);
  if (step->choice_row != NULL)
    {
      guint choice = adw_combo_row_get_selected (step->choice_row);

      if (step->action == GK_ACTION_REJECT)
        step->reason = choice == 0 ? GK_REJECT_SECRET : choice == 1 ? GK_REJECT_UNSUITABLE : GK_REJECT_OTHER;
      else
        step->refuse = choice == 1;
    }
  if (step->upper_switch != NULL)
    step->upper = !step->refuse && gtk_switch_get_active (step->upper_switch);
  step->note_row = step->date_row = step->reference_row = NULL;
  step->choice_row = NULL;
  step->upper_switch = NULL;

  step_run (step);
}

static AdwEntryRow *
add_entry_row (GtkWidget  *group,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Enter takes the step, as the highlighted button would. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (GtkWidget          *group,
               const char         *title,
               const char * const *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

/* Asks what the step needs, then takes it. Steps that need nothing are
 * taken at once: the button says what it does. */
static void
gk_inbox_page_begin_step (GkInboxPage *self,
                          GkAction     action)
{
  Step *step = step_new (self, action);
  GtkWidget *dialog;
  GtkWidget *group;
  const char *heading = NULL;
  const char *body = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *publish_body = NULL;
  gboolean destructive = FALSE;

  switch (action)
    {
    case GK_ACTION_REVIEW:
      {
        static const char * const secrecy[] = { "ok", "secret" };
        static const char * const yes_no[] = { "ok", "no" };
        static const char * const risk[] = { "low", "medium", "high" };

        step->secrecy = combo_pick (self->secrecy_row, secrecy);
        step->necessity = combo_pick (self->necessity_row, yes_no);
        step->accuracy = combo_pick (self->accuracy_row, yes_no);
        step->risk = combo_pick (self->risk_row, risk);
        step->note = entry_text (self->review_note_row);
        step_run (step);
        return;
      }

    case GK_ACTION_SUBMIT:
    case GK_ACTION_APPROVE:
      step_run (step);
      return;

    default:
      break;
    }

  group = adw_preferences_group_new ();

  switch (action)
    {
    case GK_ACTION_RETURN:
      heading = _("Return the Plan for Revision?");
      body = _("The proposer gets the plan back as a draft, with your comment.");
      step->note_row = add_entry_row (group, _("Comment for the proposer"), NULL);
      break;

    case GK_ACTION_REJECT:
      {
        const char *reasons[] = {
          _("It involves Party or state secrets"),
          _("Regulations advise against disclosing it"),
          _("Other reason (write it in the note)"),
          NULL,
        };

        heading = _("Do Not Disclose This Plan?");
        body = _("Article 6 of the measures lists the reasons a matter is not disclosed.");
        step->choice_row = add_combo_row (group, _("Reason"), reasons);
        step->note_row = add_entry_row (group, _("Note"), NULL);
        destructive = TRUE;
      }
      break;

    case GK_ACTION_ESCALATE:
      heading = _("Refer the Plan to the Standing Committee?");
      body = _("A major or sensitive matter is decided collectively by the Party committee’s standing committee; the party office records its decision.");
      step->note_row = add_entry_row (group, _("Note"), NULL);
      break;

    case GK_ACTION_DECIDE:
    case GK_ACTION_UPPER_APPROVE:
      {
        const char *decisions[] = { _("Approved for disclosure"), _("Not to be disclosed"), NULL };

        if (action == GK_ACTION_DECIDE)
          {
            heading = _("Record the Standing Committee’s Decision");
            body = _("From the minutes of the meeting that discussed the plan.");
            step->date_row = add_entry_row (group, _("Meeting date (YYYY-MM-DD)"), today);
            step->reference_row = add_entry_row (group, _("Minutes reference"), NULL);
          }
        else
          {
            heading = _("Record the Higher Committee’s Reply");
            body = _("From the reply of the higher Party committee.");
            step->date_row = add_entry_row (group, _("Reply date (YYYY-MM-DD)"), today);
            step->reference_row = add_entry_row (group, _("Document reference"), NULL);
          }
        step->choice_row = add_combo_row (group, _("Decision"), decisions);
        if (action == GK_ACTION_DECIDE)
          {
            GtkWidget *row = adw_action_row_new ();
            GtkWidget *toggle = gtk_switch_new ();

            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                           _("Report to the higher Party committee first"));
            gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
            gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            _("Report to the higher Party committee first"), -1);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            step->upper_switch = GTK_SWITCH (toggle);
          }
      }
      break;

    case GK_ACTION_PUBLISH:
      heading = _("Record the Publication");
      /* Translators: %s are the plan's audiences and methods */
      publish_body = g_strdup_printf (_("Published to %s by %s, as approved."),
                                      gk_notice_get_audiences (self->notice),
                                      gk_notice_get_methods (self->notice));
      body = publish_body;
      step->date_row = add_entry_row (group, _("Date of publication (YYYY-MM-DD)"), today);
      break;

    case GK_ACTION_WITHDRAW:
      heading = _("Withdraw the Plan?");
      body = _("The plan leaves the procedure; its history is kept.");
      step->note_row = add_entry_row (group, _("Note"), NULL);
      destructive = TRUE;
      break;

    default:
      g_assert_not_reached ();
    }

  dialog = adw_message_dialog_new (gk_inbox_page_get_window (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "step", gk_action_describe (action),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "step",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "step");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_step_response), step);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* inbox.submit, inbox.review…: the actions are enabled only for the
 * steps allowed now. */
static void
gk_inbox_page_step_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkInboxPage *self = GK_INBOX_PAGE (widget);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i].name, action_name))
      gk_inbox_page_begin_step (self, steps[i].action);
}

static void
gk_inbox_page_next_step_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GkInboxPage *self = GK_INBOX_PAGE (widget);

  if (self->primary != GK_N_ACTIONS)
    gk_inbox_page_begin_step (self, self->primary);
}

/* The editor */

static void
on_editor_saved (GkInboxPage *self,
                 gint64       notice_id)
{
  self->notice_id = notice_id;
  gk_inbox_page_reload (self);
}

static void
gk_inbox_page_open_editor (GkInboxPage *self,
                           GkNotice    *notice,
                           gint64       item_id)
{
  GkDatabase *db = gk_inbox_page_get_database (self);
  GtkWidget *editor;

  if (db == NULL)
    return;

  if (self->person_id <= 0)
    {
      gk_inbox_page_show_message (self, _("Who Are You?"),
                                  _("Choose who you are with the button in the header bar before you write a plan."));
      return;
    }
  if (gk_database_is_read_only (db))
    {
      gk_inbox_page_show_message (self, _("This Database Is Read-Only"),
                                  gk_database_get_read_only_reason (db));
      return;
    }

  editor = gk_notice_editor_new (gk_inbox_page_get_window (self), db, self->person_id, notice, item_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
gk_inbox_page_edit_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkInboxPage *self = GK_INBOX_PAGE (widget);

  if (self->notice != NULL)
    gk_inbox_page_open_editor (self, self->notice, gk_notice_get_item_id (self->notice));
}

static void
gk_inbox_page_new_plan_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  gk_inbox_page_open_editor (GK_INBOX_PAGE (widget), NULL, 0);
}

/* GObject */

/* gk-page-sync.h: even while the tab is hidden, for its badge's count of
 * the plans waiting. */
static void
gk_inbox_page_sync (GtkWidget         *widget,
                    GkPageSyncChanges  changes)
{
  GkInboxPage *self = GK_INBOX_PAGE (widget);

  self->person_id = self->context != NULL ? gk_context_get_person_id (self->context) : 0;
  if (changes == GK_PAGE_SYNC_DATA)
    gk_inbox_page_refresh (self);
  else
    gk_inbox_page_reload (self);
}

static void
gk_inbox_page_dispose (GObject *object)
{
  GkInboxPage *self = GK_INBOX_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_INBOX_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->notices);
  g_clear_object (&self->notice);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gk_inbox_page_parent_class)->dispose (object);
}

static void
gk_inbox_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkInboxPage *self = GK_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_WAITING_COUNT:
      g_value_set_uint (value, self->waiting_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_inbox_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkInboxPage *self = GK_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      gk_inbox_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_inbox_page_class_init (GkInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_inbox_page_dispose;
  object_class->get_property = gk_inbox_page_get_property;
  object_class->set_property = gk_inbox_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         GK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAITING_COUNT] =
    g_param_spec_uint ("waiting-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GK_TYPE_RECTIFICATION_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/inbox/gk-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, filter_waiting);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, filter_mine);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, filter_progress);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, filter_published);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, filter_all);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, list_status);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, feedback_slot);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, rectification_banner);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, body_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, org_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, item_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, audiences_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, methods_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, major_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, proposer_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, route_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, preview_slot);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, secrecy_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, necessity_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, accuracy_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, risk_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, review_note_row);
  gtk_widget_class_bind_template_child (widget_class, GkInboxPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "inbox.new-plan", NULL, gk_inbox_page_new_plan_action);
  gtk_widget_class_install_action (widget_class, "inbox.next-step", NULL, gk_inbox_page_next_step_action);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_class_install_action (widget_class, steps[i].name, NULL, gk_inbox_page_step_action);
  gtk_widget_class_install_action (widget_class, "inbox.edit", NULL, gk_inbox_page_edit_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_inbox_page_init (GkInboxPage *self)
{
  GtkListItemFactory *factory;
  GtkEventController *shortcuts;
  AdwLeafletPage *page;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  page = adw_leaflet_get_page (self->leaflet, self->list_pane);
  adw_leaflet_page_set_name (page, "list");
  page = adw_leaflet_get_page (self->leaflet, GTK_WIDGET (self->detail_stack));
  adw_leaflet_page_set_name (page, "detail");

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gk_a11y_tab_out_of_list (GTK_WIDGET (self->list_view), GTK_WIDGET (self->filter_all),
                           GTK_WIDGET (self->detail_stack));

  /* Managed by the window: the shortcuts work wherever the focus is while
   * the tab is shown, and not when another tab is. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (page_shortcuts[i].keyval,
                                                                                    page_shortcuts[i].modifiers),
                                                            gtk_named_action_new (page_shortcuts[i].action_name)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gk_inbox_page_add_step_buttons (self);

  self->preview = gk_pdf_preview_new ();
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_box_append (self->preview_slot, self->preview);

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self,
                           G_CONNECT_SWAPPED);
  on_folded_changed (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);
  gtk_widget_set_visible (self->review_group, FALSE);
  gk_page_sync_init (GTK_WIDGET (self), gk_inbox_page_sync, GK_PAGE_SYNC_ALWAYS);
  gk_inbox_page_reload (self);
}

/* GONGKAI_BENCH_SCROLL=1 (tests/bench/bench-startup.c): once a database
 * is open, show every plan and scroll the list to its end. */
static void
gk_inbox_page_bench_scroll (GkInboxPage *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = GTK_WIDGET (self);

  /* The tab must be shown for its list to draw frames. */
  while (stack != NULL && gtk_widget_get_parent (page) != stack)
    page = gtk_widget_get_parent (page);
  if (stack != NULL)
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), page);
  gtk_toggle_button_set_active (self->filter_all, TRUE);
  gk_scroll_probe_start (self->list_view, "inbox-scroll");
}

GkContext *
gk_inbox_page_get_context (GkInboxPage *self)
{
  g_return_val_if_fail (GK_IS_INBOX_PAGE (self), NULL);

  return self->context;
}

/* A read-only file: no new plan (and, in gk_inbox_page_show_notice(), no
 * steps or edits), with the reason where the button is. */
static void
gk_inbox_page_update_read_only (GkInboxPage *self)
{
  GkDatabase *db = gk_inbox_page_get_database (self);
  gboolean read_only = db != NULL && gk_database_is_read_only (db);
  g_autofree char *tooltip = NULL;

  if (read_only)
    /* Translators: the tooltip of a disabled control; %s says why, e.g. “you may not change this file or the folder it is in” */
    tooltip = g_strdup_printf (_("The database is read-only: %s"), gk_database_get_read_only_reason (db));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.new-plan", db != NULL && !read_only);
  gtk_widget_set_tooltip_text (self->new_button, read_only ? tooltip : _("New Plan (Ctrl+N)"));
}

void
gk_inbox_page_set_context (GkInboxPage *self,
                           GkContext   *context)
{
  g_return_if_fail (GK_IS_INBOX_PAGE (self));
  g_return_if_fail (context == NULL || GK_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  /* Another database: its notices have other ids. */
  self->notice_id = 0;
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->notices);
  gk_inbox_page_update_read_only (self);
  gk_page_sync_set_context (GTK_WIDGET (self), context);
  if (context != NULL && g_getenv ("GONGKAI_BENCH_SCROLL") != NULL)
    gk_inbox_page_bench_scroll (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

guint
gk_inbox_page_get_waiting_count (GkInboxPage *self)
{
  g_return_val_if_fail (GK_IS_INBOX_PAGE (self), 0);

  return self->waiting_count;
}

void
gk_inbox_page_new_plan (GkInboxPage *self,
                        gint64       item_id)
{
  g_return_if_fail (GK_IS_INBOX_PAGE (self));

  gk_inbox_page_open_editor (self, NULL, item_id);
}

void
gk_inbox_page_select_notice (GkInboxPage *self,
                             gint64       notice_id)
{
  g_return_if_fail (GK_IS_INBOX_PAGE (self));

  self->notice_id = notice_id;
  gk_inbox_page_reload (self);
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      /* Each of these reloads, and the reload keeps notice_id selected. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->filter_all, TRUE);
    }
  if (self->notice != NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}
