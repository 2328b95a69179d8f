@NullMarked
package kr.gukdae.report;

import org.jspecify.annotations.NullMarked;
