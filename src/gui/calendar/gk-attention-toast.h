/* gk-attention-toast.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-context.h"

G_BEGIN_DECLS

/* The start-up toast: adds to OVERLAY a toast naming what the context's
 * person has overdue or due this week, with a button to the calendar
 * (win.show-page "calendar"), once it is computed (off the main loop);
 * none when nothing is, when nobody is chosen, or when CANCELLABLE is
 * cancelled first. */
void gk_attention_toast_show (GkContext       *context,
                              AdwToastOverlay *overlay,
                              GCancellable    *cancellable);

G_END_DECLS
