/* gk-agenda-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include <string.h>

#include "core/gk-inspections.h"
#include "core/gk-notice.h"
#include "core/gk-obligations.h"
#include "gk-calendar-status.h"
#include "gk-agenda-list.h"

struct _GkAgendaList
{
  GtkWidget  parent_instance;

  GtkWidget *list;
  GPtrArray *rectifications;   /* GkFinding by deadline */
  char      *read_only;        /* the tooltip of the buttons that write, or NULL */
};

G_DEFINE_FINAL_TYPE (GkAgendaList, gk_agenda_list, GTK_TYPE_WIDGET)

/* Data is Simplified Chinese whatever the interface language. */
static GtkWidget *
data_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
long_date (const char *iso)
{
  /* Translators: a date in the agenda; a g_date_time_format() format */
  return gk_calendar_format_date (iso, _("%B %-e, %Y"));
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  /* A label child, not the button's own: GTK 4.8 would otherwise name the
   * button for assistive technologies with the underscore and the text twice. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), button);
  gtk_button_set_child (GTK_BUTTON (button), text);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "agenda-action");
  return button;
}

/* A button whose action writes: in a read-only file its (disabled)
 * action's button says why. */
static GtkWidget *
write_button (const char *label,
              const char *action,
              GVariant   *target,
              const char *read_only)
{
  GtkWidget *button = action_button (label, action, target);

  gtk_widget_set_tooltip_text (button, read_only);
  return button;
}

static GtkWidget *
new_row (GtkWidget  *content,
         const char *accessible_label)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return row;
}

static GtkWidget *
build_obligation_row (GkObligation *obligation,
                      const char   *read_only)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *expander, *explanation, *due_label;
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  gboolean settled = obligation->status == GK_OBLIGATION_DONE || obligation->status == GK_OBLIGATION_WAIVED;

  /* Translators: an obligation in the agenda: the catalog item's number and content */
  title = g_strdup_printf (_("%u. %s"), obligation->item_number, obligation->item_content);
  due = long_date (obligation->due_date);
  /* Translators: %s is a date */
  due_text = g_strdup_printf (_("Due %s"), due);

  due_label = gtk_label_new (due_text);
  gtk_widget_add_css_class (due_label, "dim-label");
  gtk_widget_set_hexpand (due_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (due_label), 1.0);
  gtk_box_append (GTK_BOX (top), gk_calendar_status_badge_new (obligation->status));
  gtk_box_append (GTK_BOX (top), due_label);
  gtk_box_append (GTK_BOX (box), top);

  gtk_box_append (GTK_BOX (box), data_label (title, "heading"));
  /* Translators: the responsible organizations and the period of an obligation */
  details = g_strdup_printf (_("%s · period %s"), obligation->organizations,
                             g_str_has_prefix (obligation->period, "event:") && obligation->event_description != NULL
                             ? obligation->event_description : obligation->period);
  gtk_box_append (GTK_BOX (box), data_label (details, "dim-label"));

  if (obligation->notice_id > 0)
    {
      g_autofree char *date = long_date (obligation->status == GK_OBLIGATION_DONE && obligation->published_date != NULL
                                         ? obligation->published_date : obligation->planned_date);
      g_autofree char *plan = NULL;

      plan = obligation->status == GK_OBLIGATION_DONE
             /* Translators: the notice that fulfilled an obligation: title, date */
             ? g_strdup_printf (_("Published: %s, %s"), obligation->notice_title, date)
             /* Translators: the plan made for an obligation: title, planned date */
             : g_strdup_printf (_("Plan: %s, planned for %s"), obligation->notice_title, date);
      gtk_box_append (GTK_BOX (box), data_label (plan, NULL));
    }
  if (obligation->status == GK_OBLIGATION_WAIVED && obligation->waiver_reason != NULL)
    {
      /* Translators: %s is the reason an obligation was waived */
      g_autofree char *reason = g_strdup_printf (_("Waived: %s"), obligation->waiver_reason);

      gtk_box_append (GTK_BOX (box), data_label (reason, NULL));
    }

  expander = gtk_expander_new_with_mnemonic (_("How Was the Due Date _Computed?"));
  explanation = data_label (obligation->explanation, "caption");
  gtk_label_set_selectable (GTK_LABEL (explanation), TRUE);
  gtk_widget_set_margin_top (explanation, 4);
  gtk_expander_set_child (GTK_EXPANDER (expander), explanation);
  gtk_box_append (GTK_BOX (box), expander);

  if (obligation->notice_id > 0)
    gtk_box_append (GTK_BOX (buttons),
                    action_button (_("_Open Plan"), "calendar.open-notice",
                                   g_variant_new_int64 (obligation->notice_id)));
  else if (!settled)
    gtk_box_append (GTK_BOX (buttons),
                    write_button (_("_New Plan"), "calendar.new-plan",
                                  g_variant_new_int64 (obligation->item_id), read_only));
  if (!settled)
    gtk_box_append (GTK_BOX (buttons),
                    write_button (_("_Waive…"), "calendar.waive",
                                  g_variant_new ("(xss)", obligation->item_id,
                                                 obligation->rule, obligation->period), read_only));
  if (g_str_has_prefix (obligation->rule, "on-event"))
    gtk_box_append (GTK_BOX (buttons),
                    write_button (_("_Record Event…"), "calendar.record-event",
                                  g_variant_new_int64 (obligation->item_id), read_only));
  if (gtk_widget_get_first_child (buttons) != NULL)
    gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (buttons, 2);

  /* Translators: how a screen reader names an obligation of the agenda:
   * title, status, due date */
  accessible = g_strdup_printf (_("%s, %s, %s"), title, gk_obligation_status_describe (obligation->status), due_text);
  return new_row (box, accessible);
}

static GtkWidget *
build_notice_row (GkPlannedNotice *notice)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date_label;
  g_autofree char *date = long_date (notice->planned_date);
  g_autofree char *date_text = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: %s is a date */
  date_text = g_strdup_printf (_("Planned for %s"), date);
  date_label = gtk_label_new (date_text);
  gtk_widget_add_css_class (date_label, "dim-label");
  gtk_widget_set_hexpand (date_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (date_label), 1.0);
  gtk_box_append (GTK_BOX (top), gk_calendar_status_badge_new (GK_OBLIGATION_PLANNED));
  gtk_box_append (GTK_BOX (top), date_label);
  gtk_box_append (GTK_BOX (box), top);

  gtk_box_append (GTK_BOX (box), data_label (notice->title, "heading"));
  if (notice->item_number > 0)
    /* Translators: a planned notice: its organization, the number of its
     * catalog item, its state */
    details = g_strdup_printf (_("%s · item %u · %s"), notice->organization, notice->item_number,
                               gk_notice_state_describe (notice->state));
  else
    /* Translators: a planned notice: its organization, its state */
    details = g_strdup_printf (_("%s · %s"), notice->organization, gk_notice_state_describe (notice->state));
  gtk_box_append (GTK_BOX (box), data_label (details, "dim-label"));

  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Open Plan"), "calendar.open-notice", g_variant_new_int64 (notice->id)));
  gtk_box_append (GTK_BOX (box), buttons);

  /* Translators: how a screen reader names a planned notice of the agenda:
   * title, state, planned date */
  accessible = g_strdup_printf (_("%s, %s, %s"), notice->title, gk_notice_state_describe (notice->state), date_text);
  return new_row (box, accessible);
}

static GtkWidget *
build_rectification_row (GkFinding *finding)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *deadline_label;
  g_autofree char *deadline = long_date (finding->deadline);
  g_autofree char *deadline_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: %s is a date */
  deadline_text = g_strdup_printf (_("Deadline %s"), deadline);
  deadline_label = gtk_label_new (deadline_text);
  gtk_widget_add_css_class (deadline_label, "dim-label");
  gtk_widget_set_hexpand (deadline_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (deadline_label), 1.0);
  gtk_box_append (GTK_BOX (top), gk_calendar_rectification_badge_new (finding->status));
  gtk_box_append (GTK_BOX (top), deadline_label);
  gtk_box_append (GTK_BOX (box), top);

  /* Translators: a rectification deadline (督查整改) in the month view and
   * the agenda; %s is the finding */
  title = g_strdup_printf (_("Rectification due: %s"), finding->finding);
  gtk_box_append (GTK_BOX (box), data_label (title, "heading"));
  /* Translators: a rectification in the agenda: the organization, what is
   * to be done, and the inspection (its kind and date) */
  details = g_strdup_printf (_("%s · %s · %s %s"), finding->organization, finding->rectification,
                             gk_inspection_kind_describe (finding->inspection_kind), finding->inspection_date);
  gtk_box_append (GTK_BOX (box), data_label (details, "dim-label"));

  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Open Finding…"), "win.show-finding", g_variant_new_int64 (finding->id)));
  gtk_box_append (GTK_BOX (box), buttons);

  /* Translators: how a screen reader names a rectification of the agenda:
   * title, status, deadline */
  accessible = g_strdup_printf (_("%s, %s, %s"), title, gk_rectification_status_describe (finding->status),
                                deadline_text);
  return new_row (box, accessible);
}

static GtkWidget *
build_day_heading (const char *iso)
{
  /* Translators: a day's heading in the week's agenda; a g_date_time_format() format */
  g_autofree char *text = gk_calendar_format_date (iso, _("%A, %B %-e"));
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "agenda-day");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static int
compare_obligations (gconstpointer a,
                     gconstpointer b)
{
  const GkObligation *x = *(GkObligation * const *) a;
  const GkObligation *y = *(GkObligation * const *) b;
  int rank = gk_calendar_status_rank (x->status) - gk_calendar_status_rank (y->status);

  if (rank != 0)
    return rank;
  return (x->item_number > y->item_number) - (x->item_number < y->item_number);
}

void
gk_agenda_list_set_rectifications (GkAgendaList *self,
                                   GPtrArray    *findings)
{
  g_return_if_fail (GK_IS_AGENDA_LIST (self));

  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  self->rectifications = findings != NULL ? g_ptr_array_ref (findings) : NULL;
}

void
gk_agenda_list_set_days (GkAgendaList *self,
                         GPtrArray    *days,
                         gboolean      with_dates)
{
  GtkListBoxRow *row;
  guint n_days = days != NULL ? days->len : 0;
  guint n_rectifications = self->rectifications != NULL ? self->rectifications->len : 0;
  guint d = 0, r = 0;

  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), GTK_WIDGET (row));

  g_return_if_fail (GK_IS_AGENDA_LIST (self));

  /* Days and rectification deadlines, both in order, merged by date. */
  while (d < n_days || r < n_rectifications)
    {
      GkCalendarDay *day = d < n_days ? g_ptr_array_index (days, d) : NULL;
      GkFinding *finding = r < n_rectifications ? g_ptr_array_index (self->rectifications, r) : NULL;
      const char *date = day == NULL || (finding != NULL && strcmp (finding->deadline, day->date) < 0)
                         ? finding->deadline : day->date;
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
      guint first_rectification = r;

      if (day != NULL && g_str_equal (day->date, date))
        d++;
      else
        day = NULL;
      while (r < n_rectifications
             && g_str_equal (((GkFinding *) g_ptr_array_index (self->rectifications, r))->deadline, date))
        r++;

      if ((day == NULL || (day->obligations->len == 0 && day->notices->len == 0)) && r == first_rectification)
        continue;
      if (with_dates)
        gtk_list_box_append (GTK_LIST_BOX (self->list), build_day_heading (date));

      for (guint i = first_rectification; i < r; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->list),
                             build_rectification_row (g_ptr_array_index (self->rectifications, i)));
      if (day == NULL)
        continue;

      for (guint i = 0; i < day->obligations->len; i++)
        g_ptr_array_add (sorted, g_ptr_array_index (day->obligations, i));
      g_ptr_array_sort (sorted, compare_obligations);
      for (guint i = 0; i < sorted->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->list), build_obligation_row (g_ptr_array_index (sorted, i), self->read_only));
      for (guint i = 0; i < day->notices->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->list), build_notice_row (g_ptr_array_index (day->notices, i)));
    }
}

static void
gk_agenda_list_dispose (GObject *object)
{
  GkAgendaList *self = GK_AGENDA_LIST (object);

  g_clear_pointer (&self->list, gtk_widget_unparent);
  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  g_clear_pointer (&self->read_only, g_free);

  G_OBJECT_CLASS (gk_agenda_list_parent_class)->dispose (object);
}

static void
gk_agenda_list_class_init (GkAgendaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_agenda_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agendalist");
}

static void
gk_agenda_list_init (GkAgendaList *self)
{
  GtkWidget *placeholder = gtk_label_new (_("Nothing falls due and nothing is planned."));

  gk_calendar_ensure_style ();

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_valign (self->list, GTK_ALIGN_START);
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agenda"), -1);
}

GtkWidget *
gk_agenda_list_new (void)
{
  return g_object_new (GK_TYPE_AGENDA_LIST, NULL);
}

void
gk_agenda_list_set_read_only (GkAgendaList *self,
                              const char   *reason)
{
  g_return_if_fail (GK_IS_AGENDA_LIST (self));

  g_free (self->read_only);
  self->read_only = g_strdup (reason);
}
