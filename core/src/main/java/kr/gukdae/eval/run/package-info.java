@NullMarked
package kr.gukdae.eval.run;

import org.jspecify.annotations.NullMarked;
