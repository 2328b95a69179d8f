/**
 * Portfolios of specialised models across research institutes: each domain judged on its own
 * benchmarks, then one decision for the portfolio.
 */
@NullMarked
package kr.gukdae.portfolio;

import org.jspecify.annotations.NullMarked;
