@NullMarked
package kr.gukdae.designation;

import org.jspecify.annotations.NullMarked;
