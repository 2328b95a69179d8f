@NullMarked
package kr.gukdae.data.ngram;

import org.jspecify.annotations.NullMarked;
