#pragma once

#include <gio/gio.h>

#include "core/gk-database.h"
#include "core/gk-notice.h"
#include "pdf/gk-notice-content.h"
#include "pdf/gk-notice-renderer.h"

G_BEGIN_DECLS

/* The bridge from a notice in the database to its printed form. Reading the
 * database happens in gk_notice_print_content(), on the thread that owns
 * the connection; everything after works on the GkNoticeContent alone and
 * may run in a worker thread. */

/* What the notice prints as now: a draft (and a returned plan) with the
 * diagonal draft mark; a plan under review or awaiting approval clean, as
 * the approver will approve it; an approved or published notice with its
 * verification code. */
GkNoticeContent *gk_notice_print_content   (GkDatabase             *db,
                                            GkNotice               *notice,
                                            GError                **error);

GkNoticeLayout   gk_notice_print_layout    (GkNotice               *notice);

/* Renders CONTENT; SHA256 (nullable) receives the hash of the bytes and
 * SUBSTITUTIONS (nullable) one line per substituted font. */
GBytes          *gk_notice_print_render    (const GkNoticeContent  *content,
                                            GkNoticeLayout          layout,
                                            char                  **sha256,
                                            char                  **substitutions,
                                            GError                **error);

/* For the approval: the hash of the clean PDF the approver sees
 * (APPROVAL), of the posted PDF that carries APPROVAL's first 8 digits as
 * its verification code (POSTED), and the font report. CONTENT is the
 * clean form (no draft mark, no code). */
gboolean         gk_notice_print_approval  (const GkNoticeContent  *content,
                                            GkNoticeLayout          layout,
                                            char                  **approval,
                                            char                  **posted,
                                            char                  **font_report,
                                            GError                **error);

G_END_DECLS
