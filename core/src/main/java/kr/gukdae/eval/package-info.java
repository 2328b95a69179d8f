@NullMarked
package kr.gukdae.eval;

import org.jspecify.annotations.NullMarked;
