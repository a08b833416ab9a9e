/* gk-bench.h — what the benchmarks share: timing, percentiles, the one
 * line per figure, and the generated 100 000-notice database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Notices in the benchmark database, unless GONGKAI_BENCH_NOTICES says. */
#define GK_BENCH_NOTICES 100000

typedef struct
{
  double median;
  double p95;
} GkBenchFigure;

/* Median and 95th percentile of N times (ms); sorts TIMES. */
GkBenchFigure gk_bench_figure (double *times,
                               guint   n);

/* Prints "NAME: median X ms, p95 Y ms (reference Z ms, ratio R)"; the
 * ratio is of the medians. REFERENCE NULL: "(no reference)". */
void          gk_bench_print  (const char          *name,
                               const GkBenchFigure *figure,
                               const GkBenchFigure *reference);

double        gk_bench_now_ms (void);

/* The generated database (gongkai-cli init --demo --scale N), made once
 * into the build folder and reused while it exists. */
char         *gk_bench_database (void);

G_END_DECLS
