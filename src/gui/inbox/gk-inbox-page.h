/* gk-inbox-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/gk-context.h"

G_BEGIN_DECLS

#define GK_TYPE_INBOX_PAGE (gk_inbox_page_get_type ())
G_DECLARE_FINAL_TYPE (GkInboxPage, gk_inbox_page, GK, INBOX_PAGE, GtkWidget)

/* The 审批 tab: the plans that wait for the current person (the context's
 * "person-id"), any plan's details, preview and history, and the steps
 * the person may take. */
GkContext *gk_inbox_page_get_context       (GkInboxPage *self);
void       gk_inbox_page_set_context       (GkInboxPage *self,
                                            GkContext   *context);
/* How many plans wait for the current person (the tab's badge). */
guint      gk_inbox_page_get_waiting_count (GkInboxPage *self);
/* Opens the plan editor on a new plan, for the catalog item ITEM_ID (0: none). */
void       gk_inbox_page_new_plan          (GkInboxPage *self,
                                            gint64       item_id);
void       gk_inbox_page_reload            (GkInboxPage *self);
void       gk_inbox_page_refresh           (GkInboxPage *self);
/* Shows the plan NOTICE_ID in the detail pane, selected in the list: the
 * list shows every plan when the current filter or search hides it. */
void       gk_inbox_page_select_notice     (GkInboxPage *self,
                                            gint64       notice_id);

G_END_DECLS
