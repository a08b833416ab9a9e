/* gk-month-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-dates.h"
#include "core/gk-inspections.h"
#include "core/gk-obligations.h"
#include "core/gk-workdays.h"
#include "gk-calendar-status.h"
#include "gk-month-view.h"

#define N_WEEKS 6
#define N_DAYS (N_WEEKS * 7)
#define N_SHOWN 3

/* One entry of a day, obligation, planned notice or rectification
 * deadline, for sorting. */
typedef struct
{
  GkObligationStatus  status;
  guint               number;
  const char         *text;
  char               *owned_text;    /* TEXT when made for the entry */
  const char         *status_text;   /* NULL: the obligation status's words */
} Entry;

static void
entry_clear (Entry *entry)
{
  g_free (entry->owned_text);
}

typedef struct
{
  GtkWidget *cell;
  GtkWidget *number;
  GtkWidget *marker;
  GtkWidget *icons[N_SHOWN];
  GtkWidget *labels[N_SHOWN];
  GtkWidget *rows[N_SHOWN];
  GtkWidget *more;
  GDate      date;
} DayCell;

struct _GkMonthView
{
  GtkWidget  parent_instance;

  GDate      date;
  GDate      today;
  GDate      first;  /* the Monday of the first week shown */
  GPtrArray *days;
  GPtrArray *workdays;
  GPtrArray *rectifications;

  GtkWidget *header;
  GtkWidget *grid;
  DayCell    cells[N_DAYS];
};

G_DEFINE_FINAL_TYPE (GkMonthView, gk_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  int rank = gk_calendar_status_rank (x->status) - gk_calendar_status_rank (y->status);

  if (rank != 0)
    return rank;
  return (x->number > y->number) - (x->number < y->number);
}

static GkCalendarDay *
find_day (GkMonthView *self,
          const char  *iso)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      GkCalendarDay *day = g_ptr_array_index (self->days, i);

      if (g_strcmp0 (day->date, iso) == 0)
        return day;
    }
  return NULL;
}

static GkWorkday *
find_workday (GkMonthView *self,
              const char  *iso)
{
  for (guint i = 0; self->workdays != NULL && i < self->workdays->len; i++)
    {
      GkWorkday *day = g_ptr_array_index (self->workdays, i);

      if (g_strcmp0 (day->date, iso) == 0)
        return day;
    }
  return NULL;
}

/* FORMAT is looked up by the caller, with g_dngettext() and both forms
 * written out, so that xgettext extracts them as one plural message. */
static void
add_count (GString    *text,
           guint       count,
           const char *format)
{
  if (count == 0)
    return;
  /* Translators: separates the parts of a day's accessible description */
  g_string_append (text, _(", "));
  g_string_append_printf (text, format, count);
}

/* "2026年3月31日，2 项到期，1 项逾期": what a screen reader says of a day. */
static char *
describe_day (GkMonthView   *self,
              DayCell       *cell,
              GkCalendarDay *day,
              GkWorkday     *workday)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GDateTime) date = g_date_time_new_local (g_date_get_year (&cell->date),
                                                     g_date_get_month (&cell->date),
                                                     g_date_get_day (&cell->date), 0, 0, 0);
  g_autofree char *formatted = NULL;
  guint due = 0, overdue = 0, done = 0, planned = 0, rectifications = 0;
  g_autofree char *iso = gk_date_to_iso (&cell->date);

  /* Translators: a day in the month view, as a screen reader reads it; a
   * g_date_time_format() format */
  formatted = g_date_time_format (date, _("%A, %B %-e, %Y"));
  g_string_append (text, formatted);
  if (g_date_compare (&cell->date, &self->today) == 0)
    add_count (text, 1, _("today"));
  if (workday != NULL)
    {
      g_string_append (text, _(", "));
      g_string_append_printf (text,
                              g_str_equal (workday->kind, "holiday")
                              /* Translators: %s is the holiday's name */
                              ? _("public holiday: %s")
                              /* Translators: %s is the holiday the working day makes up for */
                              : _("make-up working day: %s"),
                              workday->name);
    }

  for (guint i = 0; day != NULL && i < day->obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (day->obligations, i);

      due++;
      if (obligation->status == GK_OBLIGATION_OVERDUE)
        overdue++;
      else if (obligation->status == GK_OBLIGATION_DONE)
        done++;
    }
  if (day != NULL)
    planned = day->notices->len;
  for (guint i = 0; self->rectifications != NULL && i < self->rectifications->len; i++)
    {
      GkFinding *finding = g_ptr_array_index (self->rectifications, i);

      if (g_strcmp0 (finding->deadline, iso) != 0)
        continue;
      rectifications++;
      if (finding->status == GK_RECTIFICATION_OVERDUE)
        overdue++;
    }

  add_count (text, due, g_dngettext (GETTEXT_PACKAGE, "%u item due", "%u items due", due));
  add_count (text, overdue, g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", overdue));
  add_count (text, done, g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", done));
  add_count (text, planned, g_dngettext (GETTEXT_PACKAGE, "%u notice planned", "%u notices planned", planned));
  add_count (text, rectifications,
             g_dngettext (GETTEXT_PACKAGE, "%u rectification due", "%u rectifications due", rectifications));
  return g_string_free (text, FALSE);
}

static void
update_cell (GkMonthView *self,
             DayCell     *cell)
{
  g_autofree char *iso = NULL;
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  GkCalendarDay *day;
  GkWorkday *workday;
  GDateWeekday weekday = g_date_get_weekday (&cell->date);
  gboolean selected = g_date_compare (&cell->date, &self->date) == 0;

  iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&cell->date),
                         g_date_get_month (&cell->date), g_date_get_day (&cell->date));
  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);
  day = find_day (self, iso);
  workday = find_workday (self, iso);

  number = g_strdup_printf ("%d", g_date_get_day (&cell->date));
  gtk_label_set_text (GTK_LABEL (cell->number), number);

  gtk_widget_set_visible (cell->marker, workday != NULL);
  gtk_widget_remove_css_class (cell->marker, "gk-holiday");
  gtk_widget_remove_css_class (cell->marker, "gk-makeup-day");
  if (workday != NULL)
    {
      gboolean holiday = g_str_equal (workday->kind, "holiday");

      /* Translators: the mark of a public holiday in the month view: one
       * short word (休) */
      gtk_label_set_text (GTK_LABEL (cell->marker), holiday ? C_("day", "Off") :
                          /* Translators: the mark of a make-up working day
                           * (调休上班, 班) in the month view: one short word */
                          C_("day", "Work"));
      gtk_widget_add_css_class (cell->marker, holiday ? "gk-holiday" : "gk-makeup-day");
      gtk_widget_set_tooltip_text (cell->marker, workday->name);
    }

  if (g_date_get_month (&cell->date) != g_date_get_month (&self->date))
    gtk_widget_add_css_class (cell->cell, "other-month");
  else
    gtk_widget_remove_css_class (cell->cell, "other-month");
  if (g_date_compare (&cell->date, &self->today) == 0)
    gtk_widget_add_css_class (cell->cell, "today");
  else
    gtk_widget_remove_css_class (cell->cell, "today");
  if ((weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY || (workday != NULL && g_str_equal (workday->kind, "holiday")))
      && !(workday != NULL && g_str_equal (workday->kind, "workday")))
    gtk_widget_add_css_class (cell->cell, "day-off");
  else
    gtk_widget_remove_css_class (cell->cell, "day-off");
  if (selected)
    gtk_widget_add_css_class (cell->cell, "selected");
  else
    gtk_widget_remove_css_class (cell->cell, "selected");

  for (guint i = 0; day != NULL && i < day->obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (day->obligations, i);
      Entry entry = { obligation->status, obligation->item_number, obligation->item_content };

      g_array_append_val (entries, entry);
    }
  for (guint i = 0; day != NULL && i < day->notices->len; i++)
    {
      GkPlannedNotice *notice = g_ptr_array_index (day->notices, i);
      Entry entry = { GK_OBLIGATION_PLANNED, notice->item_number, notice->title };

      g_array_append_val (entries, entry);
    }
  for (guint i = 0; self->rectifications != NULL && i < self->rectifications->len; i++)
    {
      GkFinding *finding = g_ptr_array_index (self->rectifications, i);
      Entry entry = { gk_calendar_rectification_status (finding->status), 0, NULL, NULL,
                      gk_rectification_status_describe (finding->status) };

      if (g_strcmp0 (finding->deadline, iso) != 0)
        continue;
      /* Translators: a rectification deadline (督查整改) in the month view and
       * the agenda; %s is the finding */
      entry.text = entry.owned_text = g_strdup_printf (_("Rectification due: %s"), finding->finding);
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < N_SHOWN; i++)
    {
      GtkWidget *row = cell->rows[i];

      for (GkObligationStatus s = GK_OBLIGATION_OPEN; s <= GK_OBLIGATION_DONE; s++)
        gtk_widget_remove_css_class (row, gk_calendar_status_css_class (s));
      gtk_widget_set_visible (row, i < entries->len);
      if (i < entries->len)
        {
          Entry *entry = &g_array_index (entries, Entry, i);
          const char *status_text = entry->status_text != NULL ? entry->status_text
                                    : gk_obligation_status_describe (entry->status);
          g_autofree char *text = NULL;
          g_autofree char *tooltip = NULL;

          text = entry->number > 0 ? g_strdup_printf ("%u %s", entry->number, entry->text)
                                   : g_strdup (entry->text);
          /* Translators: the tooltip of an entry of the month view: status, text */
          tooltip = g_strdup_printf (_("%s: %s"), status_text, text);
          gtk_widget_add_css_class (row, gk_calendar_status_css_class (entry->status));
          gtk_image_set_from_icon_name (GTK_IMAGE (cell->icons[i]), gk_calendar_status_icon_name (entry->status));
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell->icons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          status_text, -1);
          gtk_label_set_text (GTK_LABEL (cell->labels[i]), text);
          gtk_widget_set_tooltip_text (row, tooltip);
        }
    }

  gtk_widget_set_visible (cell->more, entries->len > N_SHOWN);
  if (entries->len > N_SHOWN)
    {
      g_autofree char *more = NULL;
      guint n = entries->len - N_SHOWN;

      /* Translators: in a day of the month view, when not all entries fit */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n), n);
      gtk_label_set_text (GTK_LABEL (cell->more), more);
    }

  description = describe_day (self, cell, day, workday);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (cell->cell), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
  /* One day in the focus chain, the selected one: Tab leaves the grid. */
  gtk_widget_set_focusable (cell->cell, selected);
}

static void
gk_month_view_update (GkMonthView *self)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&self->date), g_date_get_year (&self->date));
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
  self->first = first;

  for (guint i = 0; i < N_DAYS; i++)
    {
      self->cells[i].date = first;
      g_date_add_days (&self->cells[i].date, i);
      update_cell (self, &self->cells[i]);
    }
}

static DayCell *
gk_month_view_get_selected_cell (GkMonthView *self)
{
  int index = g_date_days_between (&self->first, &self->date);

  return index >= 0 && index < N_DAYS ? &self->cells[index] : NULL;
}

static void
gk_month_view_select (GkMonthView *self,
                      const GDate *date,
                      gboolean     focus)
{
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self))
                       || gtk_widget_get_focus_child (self->grid) != NULL;

  g_return_if_fail (g_date_valid (date));

  if (g_date_compare (date, &self->date) != 0)
    {
      self->date = *date;
      gk_month_view_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
  if (focus || had_focus)
    gk_month_view_focus_date (self);
}

static void
gk_month_view_move_days (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GkMonthView *self = GK_MONTH_VIEW (widget);
  int days = g_variant_get_int32 (parameter);
  GDate date = self->date;

  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  gk_month_view_select (self, &date, TRUE);
}

static void
gk_month_view_move_months (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkMonthView *self = GK_MONTH_VIEW (widget);
  int months = g_variant_get_int32 (parameter);
  GDate date = self->date;

  /* g_date_add_months keeps the day, or takes the month's last. */
  if (months > 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  gk_month_view_select (self, &date, TRUE);
}

static void
gk_month_view_go_today (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GkMonthView *self = GK_MONTH_VIEW (widget);

  gk_month_view_select (self, &self->today, TRUE);
}

static void
gk_month_view_activate_day (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  g_signal_emit (widget, signals[DAY_ACTIVATED], 0);
}

static void
on_cell_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GkMonthView     *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "gk-index"));

  gk_month_view_select (self, &self->cells[index].date, TRUE);
  if (n_press == 2)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0);
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
build_cell (GkMonthView *self,
            guint        index)
{
  DayCell *cell = &self->cells[index];
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *entries, *scroller;
  GtkGesture *click = gtk_gesture_click_new ();
  PangoAttrList *attrs = pango_attr_list_new ();

  cell->cell = g_object_new (GTK_TYPE_BOX,
                             "orientation", GTK_ORIENTATION_VERTICAL,
                             "spacing", 2,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL,
                             "hexpand", TRUE,
                             "vexpand", TRUE,
                             "overflow", GTK_OVERFLOW_HIDDEN,
                             NULL);
  gtk_widget_add_css_class (cell->cell, "day");
  g_object_set_data (G_OBJECT (cell->cell), "gk-index", GUINT_TO_POINTER (index));

  /* Entry texts are data: Simplified Chinese whatever the interface. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));

  cell->number = new_label ("day-number");
  cell->marker = new_label ("day-marker");
  cell->more = new_label ("day-more");
  gtk_widget_set_hexpand (cell->more, TRUE);
  gtk_label_set_xalign (GTK_LABEL (cell->more), 1.0);
  gtk_box_append (GTK_BOX (top), cell->number);
  gtk_box_append (GTK_BOX (top), cell->marker);
  gtk_box_append (GTK_BOX (top), cell->more);
  gtk_box_append (GTK_BOX (cell->cell), top);

  /* The entries ask for no height: six rows of days fit a small window,
   * and a day cut short still says "+N more". */
  entries = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), entries);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (cell->cell), scroller);

  for (guint i = 0; i < N_SHOWN; i++)
    {
      cell->rows[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
      cell->icons[i] = gtk_image_new ();
      cell->labels[i] = new_label (NULL);
      gtk_label_set_attributes (GTK_LABEL (cell->labels[i]), attrs);
      gtk_widget_add_css_class (cell->rows[i], "day-entry");
      gtk_box_append (GTK_BOX (cell->rows[i]), cell->icons[i]);
      gtk_box_append (GTK_BOX (cell->rows[i]), cell->labels[i]);
      gtk_box_append (GTK_BOX (entries), cell->rows[i]);
    }
  pango_attr_list_unref (attrs);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_cell_pressed), self, 0);
  gtk_widget_add_controller (cell->cell, GTK_EVENT_CONTROLLER (click));

  gtk_grid_attach (GTK_GRID (self->grid), cell->cell, index % 7, index / 7, 1, 1);
}

static void
gk_month_view_dispose (GObject *object)
{
  GkMonthView *self = GK_MONTH_VIEW (object);

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->workdays, g_ptr_array_unref);
  g_clear_pointer (&self->rectifications, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_month_view_parent_class)->dispose (object);
}

static void
gk_month_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkMonthView *self = GK_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_month_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkMonthView *self = GK_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        gk_month_view_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass *widget_class,
             guint           key,
             guint           keypad_key,
             const char     *action,
             int             amount)
{
  gtk_widget_class_add_binding_action (widget_class, key, 0, action, "i", amount);
  gtk_widget_class_add_binding_action (widget_class, keypad_key, 0, action, "i", amount);
}

static void
gk_month_view_class_init (GkMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_month_view_dispose;
  object_class->get_property = gk_month_view_get_property;
  object_class->set_property = gk_month_view_set_property;

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "month-view.move-days", "i", gk_month_view_move_days);
  gtk_widget_class_install_action (widget_class, "month-view.move-months", "i", gk_month_view_move_months);
  gtk_widget_class_install_action (widget_class, "month-view.today", NULL, gk_month_view_go_today);
  gtk_widget_class_install_action (widget_class, "month-view.activate-day", NULL, gk_month_view_activate_day);

  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, "month-view.move-days", -1);
  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, "month-view.move-days", 1);
  add_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, "month-view.move-days", -7);
  add_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, "month-view.move-days", 7);
  add_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, "month-view.move-months", -1);
  add_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, "month-view.move-months", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "month-view.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "month-view.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "month-view.activate-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "month-view.activate-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "month-view.activate-day", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_month_view_init (GkMonthView *self)
{
  /* Monday first, as Chinese calendars print the week. */
  static const char *weekdays[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gk_calendar_ensure_style ();

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->date = self->today;

  self->header = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->header), TRUE);
  gtk_widget_add_css_class (self->header, "weekdays");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    {
      GtkWidget *label = gtk_label_new (g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[i]));

      gtk_widget_add_css_class (label, "weekday");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[i]), -1);
      gtk_grid_attach (GTK_GRID (self->header), label, i, 0, 1, 1);
    }

  self->grid = g_object_new (GTK_TYPE_GRID,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_GRID,
                             "row-homogeneous", TRUE,
                             "column-homogeneous", TRUE,
                             "vexpand", TRUE,
                             NULL);
  gtk_widget_add_css_class (self->grid, "days");
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  for (guint i = 0; i < N_DAYS; i++)
    build_cell (self, i);

  gk_month_view_update (self);
}

GtkWidget *
gk_month_view_new (void)
{
  return g_object_new (GK_TYPE_MONTH_VIEW, NULL);
}

void
gk_month_view_get_date (GkMonthView *self,
                        GDate       *date)
{
  g_return_if_fail (GK_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL);

  *date = self->date;
}

void
gk_month_view_set_date (GkMonthView *self,
                        const GDate *date)
{
  g_return_if_fail (GK_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  gk_month_view_select (self, date, FALSE);
}

void
gk_month_view_set_today (GkMonthView *self,
                         const GDate *today)
{
  g_return_if_fail (GK_IS_MONTH_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  gk_month_view_update (self);
}

void
gk_month_view_get_range (GkMonthView *self,
                         GDate       *first,
                         GDate       *last)
{
  g_return_if_fail (GK_IS_MONTH_VIEW (self));

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    {
      *last = self->first;
      g_date_add_days (last, N_DAYS - 1);
    }
}

void
gk_month_view_set_days (GkMonthView *self,
                        GPtrArray   *days)
{
  g_return_if_fail (GK_IS_MONTH_VIEW (self));

  g_clear_pointer (&self->days, g_ptr_array_unref);
  self->days = days != NULL ? g_ptr_array_ref (days) : NULL;
  gk_month_view_update (self);
}

void
gk_month_view_set_workdays (GkMonthView *self,
                            GPtrArray   *workdays)
{
  g_return_if_fail (GK_IS_MONTH_VIEW (self));

  g_clear_pointer (&self->workdays, g_ptr_array_unref);
  self->workdays = workdays != NULL ? g_ptr_array_ref (workdays) : NULL;
  gk_month_view_update (self);
}

void
gk_month_view_set_rectifications (GkMonthView *self,
                                  GPtrArray   *findings)
{
  g_return_if_fail (GK_IS_MONTH_VIEW (self));

  g_clear_pointer (&self->rectifications, g_ptr_array_unref);
  self->rectifications = findings != NULL ? g_ptr_array_ref (findings) : NULL;
  gk_month_view_update (self);
}

void
gk_month_view_focus_date (GkMonthView *self)
{
  DayCell *cell;

  g_return_if_fail (GK_IS_MONTH_VIEW (self));

  cell = gk_month_view_get_selected_cell (self);
  if (cell != NULL)
    gtk_widget_grab_focus (cell->cell);
}
