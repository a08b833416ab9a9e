/* gk-scroll-probe.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the benchmarks (tests/bench/bench-startup.c): scrolls LIST_VIEW
 * to its end once it is laid out, one step of 1/600 of the list a frame;
 * then prints, each line starting with NAME, the number of rows, the
 * longest interval between two frames of the frame clock, the most
 * processor time the main thread spent between two frames, both again
 * after the first frame with their 99th percentile, and the resident
 * memory; and quits the application. */
void gk_scroll_probe_start (GtkListView *list_view,
                            const char  *name);

G_END_DECLS
