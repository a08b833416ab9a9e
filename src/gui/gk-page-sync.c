/* gk-page-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "gk-page-sync.h"

#define PAGE_SYNC_KEY "gk-page-sync"

typedef struct
{
  GtkWidget         *page;  /* owns this */
  GkPageSyncFunc     func;
  GkPageSyncWhen     when;
  GkContext         *context;
  GkPageSyncChanges  pending;
} PageSync;

static void
page_sync_disconnect (PageSync *sync)
{
  if (sync->context != NULL)
    g_signal_handlers_disconnect_by_data (sync->context, sync);
  g_clear_object (&sync->context);
}

static void
page_sync_free (PageSync *sync)
{
  page_sync_disconnect (sync);
  g_free (sync);
}

static gboolean
page_sync_is_hidden (PageSync *sync)
{
  return sync->when == GK_PAGE_SYNC_WHEN_MAPPED && !gtk_widget_get_mapped (sync->page);
}

static void
page_sync_flush (PageSync *sync)
{
  GkPageSyncChanges changes = sync->pending;

  if (changes == 0 || page_sync_is_hidden (sync))
    return;

  sync->pending = 0;
  sync->func (sync->page, changes);
}

static void
page_sync_add (PageSync          *sync,
               GkPageSyncChanges  changes)
{
  sync->pending |= changes;
  page_sync_flush (sync);
}

static void
on_person_changed (GkContext *context,
                   GParamSpec *pspec,
                   PageSync  *sync)
{
  page_sync_add (sync, GK_PAGE_SYNC_PERSON);
}

static void
on_data_changed (GkContext *context,
                 PageSync  *sync)
{
  page_sync_add (sync, GK_PAGE_SYNC_DATA);
}

static void
on_map (GtkWidget *page,
        PageSync  *sync)
{
  page_sync_flush (sync);
}

/* A page being disposed reads nothing more. */
static void
on_destroy (GtkWidget *page,
            PageSync  *sync)
{
  page_sync_disconnect (sync);
  sync->pending = 0;
}

void
gk_page_sync_init (GtkWidget      *page,
                   GkPageSyncFunc  func,
                   GkPageSyncWhen  when)
{
  PageSync *sync;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (func != NULL);
  g_return_if_fail (g_object_get_data (G_OBJECT (page), PAGE_SYNC_KEY) == NULL);

  sync = g_new0 (PageSync, 1);
  sync->page = page;
  sync->func = func;
  sync->when = when;
  g_object_set_data_full (G_OBJECT (page), PAGE_SYNC_KEY, sync, (GDestroyNotify) page_sync_free);
  /* After the page's own map(): the page is mapped when FUNC reads. */
  g_signal_connect (page, "map", G_CALLBACK (on_map), sync);
  g_signal_connect (page, "destroy", G_CALLBACK (on_destroy), sync);
}

void
gk_page_sync_set_context (GtkWidget *page,
                          GkContext *context)
{
  PageSync *sync;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (context == NULL || GK_IS_CONTEXT (context));

  sync = g_object_get_data (G_OBJECT (page), PAGE_SYNC_KEY);
  g_return_if_fail (sync != NULL);
  if (sync->context == context)
    return;

  page_sync_disconnect (sync);
  if (context != NULL)
    {
      sync->context = g_object_ref (context);
      g_signal_connect (context, "notify::person-id", G_CALLBACK (on_person_changed), sync);
      g_signal_connect (context, "data-changed", G_CALLBACK (on_data_changed), sync);
    }
  /* Another file is all new: what changed in the old one no longer counts. */
  sync->pending = 0;
  page_sync_add (sync, GK_PAGE_SYNC_CONTEXT | GK_PAGE_SYNC_PERSON);
}

gboolean
gk_page_sync_defer (GtkWidget         *page,
                    GkPageSyncChanges  changes)
{
  PageSync *sync;

  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);

  sync = g_object_get_data (G_OBJECT (page), PAGE_SYNC_KEY);
  g_return_val_if_fail (sync != NULL, FALSE);
  if (!page_sync_is_hidden (sync))
    return FALSE;

  sync->pending |= changes;
  return TRUE;
}
