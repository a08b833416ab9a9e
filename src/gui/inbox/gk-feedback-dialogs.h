/* gk-feedback-dialogs.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"
#include "core/gk-feedback.h"

G_BEGIN_DECLS

/* 意见反馈 / 澄清 (第十六条) of a published notice, from its detail pane.
 * PARENT is the widget the dialogs are transient for and whose actions
 * they activate. */

/* A section for the detail pane: the feedback, public-opinion notes and
 * clarifications recorded about NOTICE_ID, with the buttons Record
 * Feedback…, Record Opinion… and Issue Clarification… (the latter opens
 * the new draft through win.show-notice). */
GtkWidget *gk_feedback_section_new (GtkWidget  *parent,
                                    GkDatabase *db,
                                    gint64      person_id,
                                    gint64      notice_id);

/* Called after a note was recorded about NOTICE_ID (0: none), if OWNER
 * still exists. */
typedef void (*GkFeedbackRecorded) (GObject *owner,
                                    gint64   notice_id);

/* Asks for a public-opinion note (舆情, 第十六条): its severity — 重大 is
 * flagged to be reported upward —, what is said and when; about NOTICE_ID,
 * or, NOTICE_ID 0, about the published notice whose number is typed in or
 * none. Records it with gk_feedback_new_opinion() on a worker
 * (gk_write_job_run()) and calls DONE. */
void       gk_feedback_opinion_dialog_present (GtkWidget          *parent,
                                               GkDatabase         *db,
                                               gint64              person_id,
                                               gint64              notice_id,
                                               GkFeedbackRecorded  done,
                                               GObject            *owner);

/* A row for ITEM: what was said, its
 * date, channel or severity (icon and words) and who recorded it, the
 * "report upward" flag of a major opinion (icon and words); WITH_NOTICE:
 * also the notice it is about, which the row opens (win.show-notice), and
 * a link to the clarification it led to. */
GtkWidget *gk_feedback_row_new                (const GkFeedback   *item,
                                               gboolean            with_notice);

G_END_DECLS
