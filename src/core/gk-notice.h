#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  GK_LEVEL_SCHOOL,          /* 学校党委层面: the committee, 纪委, departments, mass organizations */
  GK_LEVEL_GENERAL_BRANCH,  /* 党总支层面 */
  GK_LEVEL_BRANCH,          /* 党支部层面 */
} GkLevel;

const char *gk_level_to_string (GkLevel level);
const char *gk_level_describe  (GkLevel level);

/* States of a notice (DESIGN §3); "returned" behaves as a draft that
 * carries the reviewer's comments. */
const char *gk_notice_state_describe (const char *state);

#define GK_TYPE_NOTICE (gk_notice_get_type ())
G_DECLARE_FINAL_TYPE (GkNotice, gk_notice, GK, NOTICE, GObject)

/* A disclosure plan (公开方案) as read from the database: a snapshot, with
 * the row_version a change must quote. */
gint64       gk_notice_get_id              (GkNotice *self);
const char  *gk_notice_get_title           (GkNotice *self);
const char  *gk_notice_get_body            (GkNotice *self);
const char  *gk_notice_get_state           (GkNotice *self);
GkLevel      gk_notice_get_level           (GkNotice *self);
gint64       gk_notice_get_organization_id (GkNotice *self);
const char  *gk_notice_get_organization    (GkNotice *self);
guint        gk_notice_get_item_number     (GkNotice *self);
gint64       gk_notice_get_item_id         (GkNotice *self);
const char  *gk_notice_get_planned_date    (GkNotice *self);
const char  *gk_notice_get_published_date  (GkNotice *self);
/* The published date once published, the planned one before. */
const char  *gk_notice_get_date            (GkNotice *self);
const char  *gk_notice_get_layout          (GkNotice *self);
gboolean     gk_notice_get_major           (GkNotice *self);
gint64       gk_notice_get_proposer_id     (GkNotice *self);
const char  *gk_notice_get_proposer        (GkNotice *self);
/* Audience names and method names joined with 、 */
const char  *gk_notice_get_audiences       (GkNotice *self);
const char  *gk_notice_get_methods         (GkNotice *self);
/* SHA-256 of the PDF the approver saw; its first 8 digits are the
 * verification code printed on posted copies. */
const char  *gk_notice_get_approval_sha256 (GkNotice *self);
/* SHA-256 of the posted PDF (with the verification code). */
const char  *gk_notice_get_pdf_sha256      (GkNotice *self);
/* Font substitutions of the approved PDF, one per line. */
const char  *gk_notice_get_font_report     (GkNotice *self);
const char  *gk_notice_get_approved_at     (GkNotice *self);
const char  *gk_notice_get_content_sha256  (GkNotice *self);
gint64       gk_notice_get_application_id  (GkNotice *self);
gint64       gk_notice_get_clarifies_id    (GkNotice *self);
gint64       gk_notice_get_row_version     (GkNotice *self);
const char  *gk_notice_get_updated_at      (GkNotice *self);

G_END_DECLS
