/* gk-calendar-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-calendar-status.h"

const char *
gk_calendar_status_icon_name (GkObligationStatus status)
{
  switch (status)
    {
    case GK_OBLIGATION_OPEN:
      return "radio-symbolic";
    case GK_OBLIGATION_DUE_SOON:
      return "alarm-symbolic";
    case GK_OBLIGATION_PLANNED:
      return "document-edit-symbolic";
    case GK_OBLIGATION_OVERDUE:
      return "dialog-warning-symbolic";
    case GK_OBLIGATION_WAIVED:
      return "action-unavailable-symbolic";
    case GK_OBLIGATION_DONE:
      return "object-select-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
gk_calendar_status_css_class (GkObligationStatus status)
{
  switch (status)
    {
    case GK_OBLIGATION_OPEN:
      return "gk-status-open";
    case GK_OBLIGATION_DUE_SOON:
      return "gk-status-due-soon";
    case GK_OBLIGATION_PLANNED:
      return "gk-status-planned";
    case GK_OBLIGATION_OVERDUE:
      return "gk-status-overdue";
    case GK_OBLIGATION_WAIVED:
      return "gk-status-waived";
    case GK_OBLIGATION_DONE:
      return "gk-status-done";
    default:
      g_return_val_if_reached (NULL);
    }
}

int
gk_calendar_status_rank (GkObligationStatus status)
{
  switch (status)
    {
    case GK_OBLIGATION_OVERDUE:
      return 0;
    case GK_OBLIGATION_DUE_SOON:
      return 1;
    case GK_OBLIGATION_OPEN:
      return 2;
    case GK_OBLIGATION_PLANNED:
      return 3;
    case GK_OBLIGATION_WAIVED:
      return 4;
    case GK_OBLIGATION_DONE:
    default:
      return 5;
    }
}

GtkWidget *
gk_calendar_status_badge_new (GkObligationStatus status)
{
  return gk_calendar_status_badge_new_with_text (status, gk_obligation_status_describe (status));
}

GkObligationStatus
gk_calendar_rectification_status (GkRectificationStatus status)
{
  switch (status)
    {
    case GK_RECTIFICATION_OVERDUE:
      return GK_OBLIGATION_OVERDUE;
    case GK_RECTIFICATION_DONE:
    case GK_RECTIFICATION_NONE:
      return GK_OBLIGATION_DONE;
    case GK_RECTIFICATION_OPEN:
    default:
      return GK_OBLIGATION_OPEN;
    }
}

GtkWidget *
gk_calendar_rectification_badge_new (GkRectificationStatus status)
{
  return gk_calendar_status_badge_new_with_text (gk_calendar_rectification_status (status),
                                                 gk_rectification_status_describe (status));
}

GtkWidget *
gk_calendar_status_badge_new_with_text (GkObligationStatus  status,
                                        const char         *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (gk_calendar_status_icon_name (status));
  GtkWidget *label = gtk_label_new (text);

  gk_calendar_ensure_style ();
  /* The text says it: the icon is decoration for assistive technologies. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_add_css_class (box, "gk-status-badge");
  gtk_widget_add_css_class (box, gk_calendar_status_css_class (status));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

char *
gk_calendar_format_date (const char *iso,
                         const char *format)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL)
    return g_strdup ("");
  if (sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3
      || (date = g_date_time_new_local (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (iso);
  return g_date_time_format (date, format);
}

void
gk_calendar_ensure_style (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/gongkai/Gongkai/calendar/gk-calendar.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}
