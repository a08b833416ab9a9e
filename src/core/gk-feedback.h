#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* 第十四、十六条: what people say about published notices — through the
 * secretary's mailbox (书记信箱), at a meeting, by phone or online — and
 * public-opinion notes (舆情) with a severity; a high severity (重大舆情)
 * must be reported upward at once. Information found untrue, incomplete
 * or inaccurate gets a clarification notice (澄清说明) that goes through
 * the normal procedure and links to the original (notices.clarifies_id).
 *
 * Recorded by party office, an inspector, or anyone with a role in the
 * organization that owns the notice; an opinion note about no notice by
 * party office or an inspector only. One transaction each, audited. */

typedef enum
{
  GK_FEEDBACK_MAILBOX,   /* 书记信箱 */
  GK_FEEDBACK_MEETING,   /* 会议（通报会、座谈会） */
  GK_FEEDBACK_PHONE,     /* 电话 */
  GK_FEEDBACK_ONLINE,    /* 网络 */
} GkFeedbackChannel;

typedef enum
{
  GK_SEVERITY_LOW,       /* 一般 */
  GK_SEVERITY_MEDIUM,    /* 较大 */
  GK_SEVERITY_HIGH,      /* 重大: report upward (第十六条) */
} GkSeverity;

/* mailbox, meeting, phone, online */
const char *gk_feedback_channel_to_string   (GkFeedbackChannel  channel);
gboolean    gk_feedback_channel_from_string (const char        *text,
                                             GkFeedbackChannel *channel);
/* 书记信箱, 会议, 电话, 网络: the words of the record */
const char *gk_feedback_channel_describe    (GkFeedbackChannel  channel);
/* low, medium, high */
const char *gk_severity_to_string           (GkSeverity         severity);
gboolean    gk_severity_from_string         (const char        *text,
                                             GkSeverity        *severity);
/* 一般, 较大, 重大 */
const char *gk_severity_describe            (GkSeverity         severity);

typedef struct
{
  gint64             id;
  gboolean           is_opinion;        /* 舆情 rather than feedback */
  gint64             notice_id;         /* 0: an opinion note about no notice */
  char              *notice_title;      /* or "" */
  GkFeedbackChannel  channel;           /* feedback only */
  GkSeverity         severity;          /* opinion only */
  gboolean           report_upward;     /* an opinion of high severity */
  char              *content;
  char              *received_date;     /* YYYY-MM-DD */
  gint64             clarification_id;  /* the clarification it led to, or 0 */
  char              *recorded_by;       /* name */
} GkFeedback;

void gk_feedback_free (GkFeedback *feedback);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkFeedback, gk_feedback_free)

/* Feedback on a published notice. Returns its id, or 0. */
gint64     gk_feedback_new          (GkDatabase         *db,
                                     gint64              actor_id,
                                     gint64              notice_id,
                                     GkFeedbackChannel   channel,
                                     const char         *content,
                                     const char         *date,
                                     GError            **error);

/* A public-opinion note, about a published notice or (NOTICE_ID 0) none.
 * Returns its id, or 0. */
gint64     gk_feedback_new_opinion  (GkDatabase         *db,
                                     gint64              actor_id,
                                     gint64              notice_id,
                                     GkSeverity          severity,
                                     const char         *content,
                                     const char         *date,
                                     GError            **error);

/* Feedback and opinion notes about NOTICE_ID (0: all), as GkFeedback,
 * newest first. */
GPtrArray *gk_feedback_list         (GkDatabase         *db,
                                     gint64              notice_id,
                                     GError            **error);

/* Creates, as ACTOR_ID, a draft clarification of the published notice
 * NOTICE_ID through gk_workflow_create(): the same organization,
 * audiences, methods and layout, no catalog item (it fulfils no
 * obligation), clarifies_id = NOTICE_ID, the title
 * "关于《<original>》的澄清说明", BODY as written and PLANNED_DATE. It then
 * goes through the normal procedure. FEEDBACK_ID (0: none) is the feedback
 * or opinion note that prompted it: it is linked in the same transaction.
 * Returns the new notice's id, or 0. */
gint64     gk_feedback_issue_clarification (GkDatabase  *db,
                                            gint64       actor_id,
                                            gint64       notice_id,
                                            gint64       feedback_id,
                                            const char  *body,
                                            const char  *planned_date,
                                            GError     **error);

/* The clarifications of NOTICE_ID (gint64 notice ids, oldest first): what
 * the original shows as its links. The other way is
 * gk_notice_get_clarifies_id(). */
GArray    *gk_feedback_clarifications_of (GkDatabase  *db,
                                           gint64       notice_id,
                                           GError     **error);

G_END_DECLS
