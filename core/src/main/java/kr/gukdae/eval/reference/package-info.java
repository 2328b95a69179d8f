@NullMarked
package kr.gukdae.eval.reference;

import org.jspecify.annotations.NullMarked;
