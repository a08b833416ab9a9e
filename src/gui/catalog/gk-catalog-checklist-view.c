/* gk-catalog-checklist-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-catalog-checklist.h"
#include "gk-catalog-checklist-view.h"
#include "gk-catalog-list-window.h"

static char *
join_numbers (GArray *numbers)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (text, i > 0 ? ", %u" : "%u", g_array_index (numbers, guint, i));
  return g_string_free (text, FALSE);
}

void
gk_catalog_checklist_view_show (GtkWindow  *parent,
                                GkDatabase *db,
                                gint64      catalog_id,
                                const char *catalog_name)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GkCatalogListWindow *window;
  guint gaps = 0;

  g_return_if_fail (GK_IS_DATABASE (db));

  entries = gk_catalog_checklist (db, catalog_id, &error);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    gaps += ((GkChecklistEntry *) g_ptr_array_index (entries, i))->gap ? 1 : 0;

  if (entries == NULL)
    description = g_strdup (error->message);
  else if (entries->len == 0)
    description = g_strdup (_("The measures set no requirements for this organization's catalog."));
  else if (gaps == 0)
    description = g_strdup (_("Every requirement is covered by at least one active item."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u requirement is not covered by any active item.",
                                                "%u requirements are not covered by any active item.", gaps),
                                   gaps);

  window = gk_catalog_list_window_new (parent, _("Requirements Checklist"), catalog_name, description);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GkChecklistEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *label = gk_requirement_label (entry->requirement);
      g_autofree char *title = g_strdup_printf ("%s %s", label, entry->requirement->title);
      g_autofree char *numbers = join_numbers (entry->numbers);
      g_autofree char *subtitle = NULL;

      if (entry->gap)
        subtitle = g_strdup (_("Gap: no active item covers this requirement"));
      else if (entry->numbers->len == 0)
        subtitle = g_strdup (_("Covered by items no other requirement claims"));
      else
        subtitle = g_strdup_printf (_("Covered by items %s"), numbers);

      gk_catalog_list_window_add_row (window,
                                      entry->gap ? "dialog-warning-symbolic" : "emblem-ok-symbolic",
                                      entry->gap ? _("Gap") : _("Covered"),
                                      title, subtitle);
    }
  gtk_window_present (GTK_WINDOW (window));
}
