/* gk-inbox-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/gk-notice.h"

G_BEGIN_DECLS

/* A plan in the inbox's list: its title on one line, then a dim line of
 * organization, state and date. Its height does not depend on its text,
 * so that GtkListView measures rows without laying out any. */
#define GK_TYPE_INBOX_ROW (gk_inbox_row_get_type ())
G_DECLARE_FINAL_TYPE (GkInboxRow, gk_inbox_row, GK, INBOX_ROW, GtkWidget)

GtkWidget *gk_inbox_row_new        (void);
/* Shows NOTICE, and names the list row for screen readers; NULL leaves
 * the row empty. */
void       gk_inbox_row_set_notice (GkInboxRow *self,
                                    GkNotice   *notice);

G_END_DECLS
