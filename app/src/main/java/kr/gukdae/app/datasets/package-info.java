@NullMarked
package kr.gukdae.app.datasets;

import org.jspecify.annotations.NullMarked;
