@NullMarked
package kr.gukdae.review;

import org.jspecify.annotations.NullMarked;
