/* gk-page-sync.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/gk-context.h"

G_BEGIN_DECLS

/* The tabs' one rule for reading the database again: when another
 * database is in use, when the current person changes (GkContext's
 * "person-id") and when the file changes (GkContext::data-changed, which
 * the window emits after its data_version poll). A tab that is not on
 * screen is only marked stale and reads when it is next mapped: a hidden
 * tab costs nothing, at start-up or later. */

typedef enum
{
  GK_PAGE_SYNC_CONTEXT = 1 << 0,  /* another database, or none */
  GK_PAGE_SYNC_PERSON  = 1 << 1,  /* another person */
  GK_PAGE_SYNC_DATA    = 1 << 2,  /* the file changed */
} GkPageSyncChanges;

/* Reads again what CHANGES call for; the person is
 * gk_context_get_person_id() of the page's context. */
typedef void (*GkPageSyncFunc) (GtkWidget         *page,
                                GkPageSyncChanges  changes);

typedef enum
{
  GK_PAGE_SYNC_WHEN_MAPPED,
  /* For a tab whose content shows elsewhere too (the inbox's count of
   * plans waiting, in its tab's badge). */
  GK_PAGE_SYNC_ALWAYS,
} GkPageSyncWhen;

/* From the page's init. */
void     gk_page_sync_init        (GtkWidget         *page,
                                   GkPageSyncFunc     func,
                                   GkPageSyncWhen     when);
/* From the page's set_context(), CONTEXT its new context (NULL: none):
 * FUNC follows it from now on. */
void     gk_page_sync_set_context (GtkWidget         *page,
                                   GkContext         *context);
/* From a page's own reading, whoever asks for it: TRUE when the page is
 * hidden, and then FUNC is called with CHANGES once it is shown. */
gboolean gk_page_sync_defer       (GtkWidget         *page,
                                   GkPageSyncChanges  changes);

G_END_DECLS
