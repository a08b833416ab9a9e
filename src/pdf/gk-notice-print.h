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

/* Settings of the database that shape the printed notice (the settings
 * table, gk_database_get_setting()). The first three are patterns in which
 * {org} stands for the organization that issues the notice — its full
 * name in the red header and the signature, its short name (党办, 组织部)
 * in the document number — {year} for the year of the notice's date and
 * {n} for its number among that organization's notices of the year.
 * Unset or blank, the defaults below print. The printed notice is Chinese
 * whatever the interface language: the red header names the issuing
 * organization and numbers the document within its year, as the measures
 * themselves are numbered (党办字〔2020〕3号). */
#define GK_SETTING_REDHEAD_ISSUER      "redhead-issuer"
#define GK_SETTING_DOC_NUMBER_PATTERN  "doc-number-pattern"
#define GK_SETTING_SIGNATURE           "signature"
#define GK_DEFAULT_REDHEAD_ISSUER      "{org}文件"
#define GK_DEFAULT_DOC_NUMBER_PATTERN  "{org}字〔{year}〕{n}号"
#define GK_DEFAULT_SIGNATURE           "{org}"
/* Printed as is under the notice: where to send feedback (第十六条). */
#define GK_SETTING_FEEDBACK_CHANNEL    "feedback-channel"

/* PATTERN with {org}, {year} and {n} replaced; other text, including
 * unknown {…}, is kept as written. */
char            *gk_notice_print_expand    (const char             *pattern,
                                            const char             *org,
                                            guint                   year,
                                            guint                   number);

/* Sets CONTENT's issuer, document number and signature for a notice of
 * ORGANIZATION_ID numbered NUMBER in the year of CONTENT's date, following
 * the settings above. The form of a new plan calls it again whenever the
 * user changes the organization. */
void             gk_notice_print_set_organization (GkDatabase      *db,
                                                   GkNoticeContent *content,
                                                   gint64           organization_id,
                                                   guint            number);
/* The same with the three patterns given (NULL or "": the default), for
 * the preferences' live example of what is being typed. */
void             gk_notice_print_apply_patterns   (GkDatabase      *db,
                                                   GkNoticeContent *content,
                                                   gint64           organization_id,
                                                   guint            number,
                                                   const char      *issuer,
                                                   const char      *doc_number,
                                                   const char      *signature);

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
