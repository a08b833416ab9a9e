/* gk-notice-editor.h — writes or changes a disclosure plan (公开方案)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/gk-database.h"
#include "core/gk-notice.h"

G_BEGIN_DECLS

#define GK_TYPE_NOTICE_EDITOR (gk_notice_editor_get_type ())
G_DECLARE_FINAL_TYPE (GkNoticeEditor, gk_notice_editor, GK, NOTICE_EDITOR, AdwWindow)

/* A modal window over PARENT in which PERSON_ID writes a new plan
 * (NOTICE_OR_NULL NULL, its catalog item PRESET_ITEM_ID or 0) or changes
 * NOTICE_OR_NULL, beside a preview of the notice as it will print. Emits
 * "saved" (gint64 notice id) after each successful save. */
GtkWidget *gk_notice_editor_new (GtkWindow  *parent,
                                 GkDatabase *db,
                                 gint64      person_id,
                                 GkNotice   *notice_or_null,
                                 gint64      preset_item_id);
/* Fills a new plan's title and body (e.g. publishing a catalog, 第十二条);
 * the user may still change them before saving. */
void       gk_notice_editor_set_plan_text (GkNoticeEditor *self,
                                           const char     *title,
                                           const char     *body);

G_END_DECLS
