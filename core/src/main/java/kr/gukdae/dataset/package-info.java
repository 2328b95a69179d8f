@NullMarked
package kr.gukdae.dataset;

import org.jspecify.annotations.NullMarked;
