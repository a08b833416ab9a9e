/* gk-feedback-dialogs.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* 意见反馈 / 澄清 (第十六条) of a published notice, from its detail pane.
 * PARENT is the widget the dialogs are transient for and whose actions
 * they activate. */

/* A section for the detail pane: the feedback and clarifications recorded
 * about NOTICE_ID, with the buttons Record Feedback… and Issue
 * Clarification… (the latter opens the new draft through
 * win.show-notice). */
GtkWidget *gk_feedback_section_new (GtkWidget  *parent,
                                    GkDatabase *db,
                                    gint64      person_id,
                                    gint64      notice_id);

G_END_DECLS
