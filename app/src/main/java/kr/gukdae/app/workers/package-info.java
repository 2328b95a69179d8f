/** Shard queue, workers, job kinds and cluster metrics: several processes over one database. */
@NullMarked
package kr.gukdae.app.workers;

import org.jspecify.annotations.NullMarked;
