@NullMarked
package kr.gukdae.app.review;

import org.jspecify.annotations.NullMarked;
