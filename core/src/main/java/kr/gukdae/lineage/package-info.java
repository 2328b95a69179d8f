@NullMarked
package kr.gukdae.lineage;

import org.jspecify.annotations.NullMarked;
