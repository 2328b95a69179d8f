@NullMarked
package kr.gukdae.model;

import org.jspecify.annotations.NullMarked;
