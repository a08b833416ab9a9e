/* gk-request-window.h — one application (个别申请), read and answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_REQUEST_WINDOW (gk_request_window_get_type ())
G_DECLARE_FINAL_TYPE (GkRequestWindow, gk_request_window, GK, REQUEST_WINDOW, AdwWindow)

/* The application REQUEST_ID: who applied, to whom, what, when it was
 * received, its deadline, its state and reply, and its history from the
 * audit trail; with the steps PERSON_ID may take (gk_requests_forward,
 * _extend, _reply). Emits "changed" after a step. */
GtkWidget *gk_request_window_new (GtkWindow  *parent,
                                  GkDatabase *db,
                                  gint64      person_id,
                                  gint64      request_id);

G_END_DECLS
